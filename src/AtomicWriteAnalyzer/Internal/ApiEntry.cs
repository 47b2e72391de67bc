using System.Collections.Immutable;

namespace AtomicWriteAnalyzer.Internal
{
    /// <summary>What a catalogued API does to the file whose path it is given.</summary>
    internal enum ApiRole
    {
        /// <summary>Truncates or replaces the file's content in place (AW0001).</summary>
        Overwrite,

        /// <summary>Reads the file (AW0002; and the "read back" half of the app-state signal).</summary>
        Read,

        /// <summary>Renames or replaces a file by another (File.Move, File.Replace): the second half of a hand-rolled replace.</summary>
        Rename,

        /// <summary>Opens the file with a <c>FileMode</c>: overwrite, read or neither, decided per call by its arguments.</summary>
        OpenByMode,
    }

    /// <summary>How the call's arguments can turn an overwrite into something else.</summary>
    internal enum ArgumentRule
    {
        /// <summary>The API always does what its role says.</summary>
        None,

        /// <summary><c>FileMode</c>/<c>FileAccess</c> (or a <c>FileStreamOptions</c>) decide.</summary>
        FileMode,

        /// <summary>A constant <c>append: true</c> makes it an append (<c>StreamWriter</c>).</summary>
        Append,

        /// <summary>Only a constant <c>overwrite: true</c> replaces an existing file (<c>File.Copy</c>).</summary>
        OverwriteFlag,
    }

    /// <summary>Where the API family comes from.</summary>
    internal enum ApiFamily
    {
        /// <summary>The BCL: <c>System.IO</c>, <c>System.Xml</c>, <c>System.Xml.Linq</c>.</summary>
        SystemIO,

        /// <summary>
        /// <c>System.IO.Abstractions</c> (<c>IFileSystem.File</c>, <c>IFileInfo</c>, <c>IFileStreamFactory</c>), matched by
        /// name because users' projects reference that package, not us. Reported, never fixed: a fix would bypass
        /// the user's mocks.
        /// </summary>
        FileSystemAbstractions,

        /// <summary>A user's own file-system wrapper whose methods mirror <c>File</c>'s. Reported, never fixed.</summary>
        LookAlike,
    }

    /// <summary>One catalogued member: a method or a constructor, with every overload that takes a path.</summary>
    internal sealed class ApiEntry
    {
        public ApiEntry(ApiRole role, string shape, string typeMetadataName, string memberName, ArgumentRule rule, ImmutableArray<string> pathParameters, string? targetParameter = null, bool hasFix = true)
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

        /// <summary>
        /// The shape a code fix keys on (<c>WriteAllText</c>, <c>FileStream</c>, <c>FileInfoCreate</c>, <c>XmlSave</c>, ...);
        /// sent in <see cref="DiagnosticPropertyNames.Shape"/>.
        /// </summary>
        public string Shape { get; }

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

    /// <summary>Where a serializer puts the data.</summary>
    internal enum SerializerOutput
    {
        /// <summary>Returns it (<c>JsonConvert.SerializeObject(value)</c>).</summary>
        Text,

        /// <summary>Writes it to a stream or writer argument (<c>XmlSerializer.Serialize(stream, value)</c>).</summary>
        Stream,

        /// <summary>Returns it, or writes it to a stream argument, depending on the overload (<c>JsonSerializer.Serialize</c>).</summary>
        TextOrStream,

        /// <summary>The receiver is the document (<c>XDocument.Save(stream)</c>, <c>ToString()</c>).</summary>
        Document,
    }

    /// <summary>One catalogued serializer method.</summary>
    internal sealed class SerializerEntry
    {
        public SerializerEntry(string ns, string typeName, string methodName, SerializerOutput output)
        {
            Namespace = ns;
            TypeName = typeName;
            MethodName = methodName;
            Output = output;
        }

        public string Namespace { get; }

        public string TypeName { get; }

        public string MethodName { get; }

        public SerializerOutput Output { get; }
    }
}
