using System.Collections.Immutable;
using AtomicWriteAnalyzer.Contract;

namespace AtomicWriteAnalyzer.Catalog
{
    /// <summary>One catalogued member: a method or a constructor, with every overload that takes a path.</summary>
    internal sealed class ApiEntry
    {
        public ApiEntry(ApiRole role, CallShape shape, string typeMetadataName, string memberName, ArgumentRule rule, ImmutableArray<string> pathParameters, string? targetParameter = null, bool hasFix = true)
        {
            HasFix = hasFix;
            Role = role;
            Shape = shape;
            TypeMetadataName = typeMetadataName;
            MemberName = memberName;
            Rule = rule;
            PathParameters = pathParameters;
            TargetParameter = targetParameter;
            int dot = typeMetadataName.LastIndexOf('.');
            TypeName = typeMetadataName.Substring(dot + 1);
            Namespace = dot < 0 ? "" : typeMetadataName.Substring(0, dot);
        }

        public ApiRole Role { get; }

        /// <summary>The shape a code fix keys on; sent in <see cref="DiagnosticPropertyNames.Shape"/>.</summary>
        public CallShape Shape { get; }

        public string TypeMetadataName { get; }

        public string TypeName { get; }

        public string Namespace { get; }

        /// <summary>The method name, or <c>.ctor</c>.</summary>
        public string MemberName { get; }

        public ArgumentRule Rule { get; }

        /// <summary>
        /// Names of the <c>string</c> parameter that holds the path the role applies to (the destination of a copy,
        /// the source of a rename). Empty when the path is the receiver (<c>FileInfo</c> members).
        /// </summary>
        public ImmutableArray<string> PathParameters { get; }

        /// <summary>For renames: the parameter naming the file that gets replaced (null: it is the receiver).</summary>
        public string? TargetParameter { get; }

        /// <summary>Whether the AW0001 fix knows this shape (false: reported with <c>Fixable = false</c>, never rewritten).</summary>
        public bool HasFix { get; }

        public bool IsConstructor => MemberName == ".ctor";

        public bool PathIsReceiver => PathParameters.IsEmpty;

        /// <summary>How the message names the API: <c>File.WriteAllText</c>, <c>new FileStream</c>.</summary>
        public string Display => IsConstructor ? "new " + TypeName : TypeName + "." + MemberName;

        public override string ToString() => Display;
    }
}
