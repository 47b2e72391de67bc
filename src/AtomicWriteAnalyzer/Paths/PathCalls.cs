using AtomicWriteAnalyzer.Operations;
using Microsoft.CodeAnalysis;

namespace AtomicWriteAnalyzer.Paths
{
    /// <summary>The BCL calls that compute paths, as <see cref="PathCalls.Classify"/> tells them apart.</summary>
    internal enum PathCallKind
    {
        /// <summary>Not a call of <c>Path</c>, <c>Environment</c> or <c>string</c>.</summary>
        None,

        // System.IO.Path
        Combine,
        Join,
        ChangeExtension,
        GetFullPath,
        TrimEndingDirectorySeparator,
        GetDirectoryName,
        GetFileName,
        GetFileNameWithoutExtension,

        /// <summary><c>Path.GetTempPath()</c>: the temp folder, the same on every call.</summary>
        GetTempPath,

        /// <summary><c>Path.GetTempFileName()</c>: a new file in the temp folder.</summary>
        GetTempFileName,

        /// <summary><c>Path.GetRandomFileName()</c>: a new name every time.</summary>
        GetRandomFileName,

        /// <summary>Any other member of <c>Path</c>.</summary>
        OtherPathMember,

        // System.Environment
        GetFolderPath,
        GetEnvironmentVariable,
        ExpandEnvironmentVariables,

        /// <summary>Any other member of <c>Environment</c>.</summary>
        OtherEnvironmentMember,

        // System.String
        /// <summary>Static <c>string.Concat</c>: the result is made of the arguments.</summary>
        StringConcat,

        /// <summary><c>ToString</c>, <c>Trim*</c>, <c>ToLower*</c>, <c>ToUpper*</c>: the same path as the receiver.</summary>
        StringSameText,

        /// <summary>Any other member of <c>string</c>.</summary>
        OtherStringMember,
    }

    /// <summary>
    /// The meaning of each <c>Path.*</c>, <c>Environment.*</c> and <c>string</c> call in one place. Path reconstruction
    /// (<see cref="PathReconstruction"/>) and the parts a path is computed from (<see cref="PathParts"/>) each decide what
    /// a kind means for their question; docs/architecture.md lists where their answers differ.
    /// </summary>
    internal static class PathCalls
    {
        public static PathCallKind Classify(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type == null)
            {
                return PathCallKind.None;
            }

            if (type.SpecialType == SpecialType.System_String)
            {
                return StringCall(method);
            }

            if (type.Name == "Path" && OperationHelpers.NamespaceIs(type.ContainingNamespace, "System.IO"))
            {
                return PathCall(method.Name);
            }

            if (type.Name == "Environment" && OperationHelpers.NamespaceIs(type.ContainingNamespace, "System"))
            {
                return method.Name switch
                {
                    "GetFolderPath" => PathCallKind.GetFolderPath,
                    "GetEnvironmentVariable" => PathCallKind.GetEnvironmentVariable,
                    "ExpandEnvironmentVariables" => PathCallKind.ExpandEnvironmentVariables,
                    _ => PathCallKind.OtherEnvironmentMember,
                };
            }

            return PathCallKind.None;
        }

        /// <summary><c>Path.Combine</c>, <c>Join</c>, <c>ChangeExtension</c>, ... and <c>string.Concat</c>: the result is made of the arguments.</summary>
        public static bool IsComposition(PathCallKind kind) => kind switch
        {
            PathCallKind.Combine or PathCallKind.Join or PathCallKind.ChangeExtension or PathCallKind.GetDirectoryName
                or PathCallKind.GetFileName or PathCallKind.GetFileNameWithoutExtension or PathCallKind.GetFullPath
                or PathCallKind.StringConcat => true,
            _ => false,
        };

        /// <summary>Folders that are the same on every call: the temp folder, special folders, an environment variable.</summary>
        public static bool IsFixedFolder(PathCallKind kind) =>
            kind == PathCallKind.GetTempPath || kind == PathCallKind.GetFolderPath || kind == PathCallKind.GetEnvironmentVariable;

        /// <summary>
        /// A value that is new on every evaluation (<c>Path.GetRandomFileName()</c>, <c>Path.GetTempFileName()</c>,
        /// <c>Guid.NewGuid()</c>, <c>Random</c>, <c>RandomNumberGenerator</c>, the clock): two calls built the same way
        /// still name two different files.
        /// </summary>
        public static bool IsFreshValue(ISymbol member)
        {
            var type = member.ContainingType;
            return type != null && IsFreshName(type.Name, member.Name, member is IMethodSymbol)
                && type.ContainingNamespace?.ToDisplayString() == FreshValueNamespace(type.Name);
        }

        /// <summary>
        /// <see cref="IsFreshValue"/> by the names as written (<c>Guid</c>, <c>NewGuid</c>), for code read from its syntax
        /// alone: a project's own method's declaration (<see cref="UniqueReturns"/>).
        /// </summary>
        public static bool IsFreshName(string typeName, string memberName, bool isCall) => typeName switch
        {
            "Path" => memberName == "GetRandomFileName" || memberName == "GetTempFileName",
            "Guid" => memberName == "NewGuid" || memberName == "CreateVersion7",
            "Random" => isCall || memberName == "Shared",
            "RandomNumberGenerator" => isCall,
            "DateTime" or "DateTimeOffset" => memberName == "Now" || memberName == "UtcNow",
            "Environment" => memberName == "TickCount" || memberName == "TickCount64",
            "Stopwatch" => memberName == "GetTimestamp",
            _ => false,
        };

        private static string? FreshValueNamespace(string typeName) => typeName switch
        {
            "Path" => "System.IO",
            "RandomNumberGenerator" => "System.Security.Cryptography",
            "Stopwatch" => "System.Diagnostics",
            _ => "System",
        };

        private static PathCallKind PathCall(string name) => name switch
        {
            "Combine" => PathCallKind.Combine,
            "Join" => PathCallKind.Join,
            "ChangeExtension" => PathCallKind.ChangeExtension,
            "GetFullPath" => PathCallKind.GetFullPath,
            "TrimEndingDirectorySeparator" => PathCallKind.TrimEndingDirectorySeparator,
            "GetDirectoryName" => PathCallKind.GetDirectoryName,
            "GetFileName" => PathCallKind.GetFileName,
            "GetFileNameWithoutExtension" => PathCallKind.GetFileNameWithoutExtension,
            "GetTempPath" => PathCallKind.GetTempPath,
            "GetTempFileName" => PathCallKind.GetTempFileName,
            "GetRandomFileName" => PathCallKind.GetRandomFileName,
            _ => PathCallKind.OtherPathMember,
        };

        private static PathCallKind StringCall(IMethodSymbol method)
        {
            switch (method.Name)
            {
                case "Concat" when method.IsStatic:
                    return PathCallKind.StringConcat;
                case "ToString":
                case "Trim":
                case "TrimEnd":
                case "TrimStart":
                case "ToLower":
                case "ToLowerInvariant":
                case "ToUpper":
                case "ToUpperInvariant":
                    return PathCallKind.StringSameText;
                default:
                    return PathCallKind.OtherStringMember;
            }
        }
    }
}
