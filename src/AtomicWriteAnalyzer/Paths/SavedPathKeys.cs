using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using AtomicWriteAnalyzer.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Paths
{
    /// <summary>
    /// The two halves AW0005 pairs: the path an <c>AtomicFile</c> save writes, and the path a <c>File</c>/<c>FileInfo</c>
    /// delete, move or replace removes; and a key that is equal for the same path expression. Deliberately narrow: a
    /// key exists only for what names one path wherever it is used in the type (a field, a property, a constant, a
    /// parameter or local of one method, and computations of those), so an unknown value never pairs. Shared by the
    /// rule and by the AW0001 fix, which leaves no such pair behind in a document it rewrites.
    /// </summary>
    internal static class SavedPathKeys
    {
        private const int MaxDepth = 8;

        // Locals reused many times fan out (p2 = Combine(p1, p1, ...)): past this many nodes the path has no key, and
        // a path without a key never pairs.
        private const int MaxNodes = 256;

        private static readonly ConditionalWeakTable<IOperation, LocalDefinitions> Definitions = new ConditionalWeakTable<IOperation, LocalDefinitions>();

        /// <summary>Whether a method of that name can be a save or a removal: a string test before any symbol is looked at.</summary>
        public static bool IsCandidateName(string name) => name switch
        {
            nameof(System.IO.File.Delete) or nameof(System.IO.File.Move) or nameof(System.IO.File.Replace) or nameof(System.IO.FileInfo.MoveTo)
                or nameof(System.IO.File.Create) or nameof(System.IO.File.CreateText) or nameof(System.IO.File.Copy) => true,
            _ => name.StartsWith("WriteAll", System.StringComparison.Ordinal),
        };

        /// <summary>The path argument of an AtomicFile save (<c>WriteAll*</c>, <c>Create</c>, <c>CreateText</c>, <c>Copy</c>'s destination).</summary>
        public static IOperation? SavedPath(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (!method.IsStatic || !IsType(method.ContainingType, "AtomicWrite", "AtomicFile"))
            {
                return null;
            }

            var name = method.Name;
            bool copies = name == nameof(System.IO.File.Copy);
            bool saves = copies || name.StartsWith("WriteAll", System.StringComparison.Ordinal) || name == nameof(System.IO.File.Create) || name == nameof(System.IO.File.CreateText);
            return saves ? Argument(invocation, copies ? "destFileName" : "path") : null;
        }

        /// <summary>The path a delete, move or replace removes: <c>File.Delete(path)</c>, <c>File.Move(path, …)</c>,
        /// <c>File.Replace(path, …)</c>, <c>new FileInfo(path).Delete()</c>/<c>.MoveTo(…)</c>/<c>.Replace(…)</c>;
        /// <paramref name="api"/> names the call.</summary>
        public static IOperation? RemovedPath(IInvocationOperation invocation, out string api)
        {
            var method = invocation.TargetMethod;
            api = string.Empty;
            if (method.IsStatic && IsType(method.ContainingType, "System.IO", "File"))
            {
                switch (method.Name)
                {
                    case "Delete":
                        api = "File.Delete";
                        return Argument(invocation, "path");
                    case "Move":
                    case "Replace":
                        api = "File." + method.Name;
                        return Argument(invocation, "sourceFileName");
                }
            }
            else if (!method.IsStatic && IsType(method.ContainingType, "System.IO", "FileInfo") && (method.Name == "Delete" || method.Name == "MoveTo" || method.Name == "Replace"))
            {
                api = "FileInfo." + method.Name;
                return FileInfoPath(invocation.Instance);
            }

            return null;
        }

        /// <summary>How the message names the file: the path expression as written.</summary>
        public static string Display(IOperation removedPath)
        {
            var text = removedPath.Syntax.ToString();
            return text.Length > 60 ? text.Substring(0, 57) + "..." : text;
        }

        /// <summary>A key equal for the same path expression in one type, or null when the value cannot be named.</summary>
        public static string? KeyOf(IOperation? path)
        {
            var builder = new StringBuilder();
            int nodes = MaxNodes;
            return Append(builder, path, 0, ref nodes) ? builder.ToString() : null;
        }

        private static bool Append(StringBuilder key, IOperation? operation, int depth, ref int nodes)
        {
            operation = OperationHelpers.Unwrap(operation);
            if (operation == null || depth > MaxDepth || --nodes < 0)
            {
                return false;
            }

            if (operation.ConstantValue.HasValue)
            {
                if (!(operation.ConstantValue.Value is string text))
                {
                    return false;
                }

                key.Append('"').Append(text).Append('"');
                return true;
            }

            switch (operation)
            {
                case IFieldReferenceOperation field:
                    key.Append("F:").Append(field.Field.OriginalDefinition.ToDisplayString());
                    return true;
                case IPropertyReferenceOperation property when property.Arguments.IsEmpty:
                    key.Append("P:").Append(property.Property.OriginalDefinition.ToDisplayString());
                    return true;
                case IParameterReferenceOperation parameter:
                    key.Append("A:").Append(parameter.Parameter.ContainingSymbol.ToDisplayString()).Append('#').Append(parameter.Parameter.Name);
                    return true;
                case ILocalReferenceOperation local:
                    return AppendLocal(key, local, depth, ref nodes);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add:
                    key.Append('(');
                    if (!Append(key, add.LeftOperand, depth + 1, ref nodes))
                    {
                        return false;
                    }

                    key.Append('+');
                    if (!Append(key, add.RightOperand, depth + 1, ref nodes))
                    {
                        return false;
                    }

                    key.Append(')');
                    return true;
                case IInvocationOperation call when call.TargetMethod.IsStatic && IsPurePathCall(call.TargetMethod):
                    return AppendCall(key, call, depth, ref nodes);
                default:
                    return false;
            }
        }

        private static bool AppendCall(StringBuilder key, IInvocationOperation call, int depth, ref int nodes)
        {
            key.Append("M:").Append(call.TargetMethod.ToDisplayString()).Append('(');
            foreach (var argument in call.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
            {
                if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                {
                    foreach (var element in initializer.ElementValues)
                    {
                        if (!Append(key, element, depth + 1, ref nodes))
                        {
                            return false;
                        }

                        key.Append(',');
                    }
                }
                else if (!Append(key, argument.Value, depth + 1, ref nodes))
                {
                    return false;
                }

                key.Append(',');
            }

            key.Append(')');
            return true;
        }

        // Path.Combine/Join and Environment.GetFolderPath give the same value for the same arguments; a call to
        // Path.GetRandomFileName or Guid.NewGuid never does, so it has no key.
        private static bool IsPurePathCall(IMethodSymbol method)
        {
            var type = method.ContainingType?.ToDisplayString();
            return (type == "System.IO.Path" && (method.Name == "Combine" || method.Name == "Join" || method.Name == "GetFullPath" || method.Name == "ChangeExtension"))
                || (type == "System.Environment" && (method.Name == "GetFolderPath" || method.Name == "ExpandEnvironmentVariables"));
        }

        // A local with one definition stands for its initializer, so that a path built in a local and one built in
        // place agree; when the initializer has no key (a random name, a conditional), the local itself is the key:
        // every use of it is the one value. A local assigned again names nothing stable. The definitions of a body
        // are gathered once (a body with thousands of saves would otherwise be walked once per local).
        private static bool AppendLocal(StringBuilder key, ILocalReferenceOperation reference, int depth, ref int nodes)
        {
            if (!(SingleDefinition(reference) is { } value))
            {
                return false;
            }

            int length = key.Length;
            if (Append(key, value, depth + 1, ref nodes))
            {
                return true;
            }

            key.Length = length;
            key.Append("L:").Append(reference.Local.Name).Append('@').Append(reference.Local.Locations.FirstOrDefault()?.SourceSpan.Start ?? -1);
            return true;
        }

        private static IOperation? SingleDefinition(ILocalReferenceOperation reference)
        {
            if (reference.Local == null || reference.Local.RefKind != RefKind.None)
            {
                return null;
            }

            var definitions = Definitions.GetValue(OperationHelpers.Root(reference), LocalDefinitions.Build).Of(reference.Local);
            return definitions.Length == 1 && !(definitions[0] is IArgumentOperation || definitions[0] is ICompoundAssignmentOperation || definitions[0] is IDeconstructionAssignmentOperation)
                ? definitions[0]
                : null;
        }

        private static IOperation? FileInfoPath(IOperation? instance)
        {
            instance = OperationHelpers.Unwrap(instance);
            if (instance is ILocalReferenceOperation local)
            {
                instance = OperationHelpers.Unwrap(SingleDefinition(local));
            }

            return instance is IObjectCreationOperation creation && creation.Arguments.Length == 1 ? creation.Arguments[0].Value : null;
        }

        private static bool IsType(ITypeSymbol? type, string ns, string name) =>
            type != null && type.Name == name && OperationHelpers.NamespaceIs(type.ContainingNamespace, ns);

        private static IOperation? Argument(IInvocationOperation invocation, string parameter) =>
            invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter)?.Value;
    }
}
