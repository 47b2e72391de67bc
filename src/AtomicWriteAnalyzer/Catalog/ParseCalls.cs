using AtomicWriteAnalyzer.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Catalog
{
    /// <summary>What a parser takes the whole content of a file as.</summary>
    internal enum ParseInput
    {
        None,

        /// <summary>The text (<c>JsonSerializer.Deserialize&lt;T&gt;(string)</c>, <c>XDocument.Parse</c>).</summary>
        Text,

        /// <summary>A stream over the content (<c>JsonSerializer.Deserialize&lt;T&gt;(Stream)</c>, <c>XDocument.Load(Stream)</c>).</summary>
        Stream,
    }

    /// <summary>
    /// Parsers that turn a file's whole content into a value and throw on bad content: when a read is handed straight
    /// to one, the pair can become <c>AtomicFile.Load(path, parse)</c>, so that a parse failure falls back to the
    /// backup. Matched by name and namespace (Newtonsoft.Json is the user's reference, not ours).
    /// </summary>
    internal static class ParseCalls
    {
        /// <summary>Which input <paramref name="argument"/> is for its parser, or <see cref="ParseInput.None"/>.</summary>
        public static ParseInput InputOf(IArgumentOperation argument)
        {
            if (!(argument.Parent is IInvocationOperation invocation) || invocation.TargetMethod == null || argument.Parameter == null)
            {
                return ParseInput.None;
            }

            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            if (type == null || !method.IsStatic || !IsParser(type, method.Name))
            {
                return ParseInput.None;
            }

            var parameterType = argument.Parameter.Type;
            if (parameterType.SpecialType == SpecialType.System_String)
            {
                return ParseInput.Text;
            }

            return OperationHelpers.IsNamed(parameterType, "System.IO", "Stream") ? ParseInput.Stream : ParseInput.None;
        }

        private static bool IsParser(INamedTypeSymbol type, string method)
        {
            switch (type.Name)
            {
                case "JsonSerializer":
                    return method == "Deserialize" && OperationHelpers.NamespaceIs(type.ContainingNamespace, "System.Text.Json");
                case "JsonConvert":
                    return method == "DeserializeObject" && OperationHelpers.NamespaceIs(type.ContainingNamespace, "Newtonsoft.Json");
                case "XDocument":
                case "XElement":
                    return (method == "Parse" || method == "Load") && OperationHelpers.NamespaceIs(type.ContainingNamespace, "System.Xml.Linq");
                case "JsonDocument":
                    return method == "Parse" && OperationHelpers.NamespaceIs(type.ContainingNamespace, "System.Text.Json");
                case "JsonNode":
                    return method == "Parse" && OperationHelpers.NamespaceIs(type.ContainingNamespace, "System.Text.Json.Nodes");
                default:
                    return false;
            }
        }
    }
}
