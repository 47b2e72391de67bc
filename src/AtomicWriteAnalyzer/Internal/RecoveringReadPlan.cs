using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Internal
{
    /// <summary>How AW0002's fix may turn a read into a recovering one.</summary>
    internal enum RecoveringReadFix
    {
        /// <summary>No fix: <c>AtomicFile</c> has no twin, or the rewrite could change what the code does.</summary>
        None,

        /// <summary><c>File.ReadAll*</c> → <c>AtomicFile.ReadAll*</c> with the same arguments.</summary>
        ReadAll,

        /// <summary><c>Parse(File.ReadAllText(p))</c> → <c>AtomicFile.Load(p, (string text) =&gt; Parse(text))</c>.</summary>
        LoadText,

        /// <summary><c>Parse(File.OpenRead(p))</c>, <c>XDocument.Load(p)</c> → <c>AtomicFile.Load(p, (Stream stream) =&gt; Parse(stream))</c>.</summary>
        LoadStream,
    }

    /// <summary>
    /// Decides, from the operations around a read, which rewrite keeps the code's meaning on a healthy file. Rules:
    /// <list type="bullet">
    /// <item>never inside a <c>try</c> with <c>catch</c> clauses: the recovering calls report a file with no valid
    /// version as <c>AtomicFileCorruptedException</c>, which a handler written for the old exception may not catch;</item>
    /// <item><c>Load</c> only when the read goes straight into a parser (<see cref="ParseCalls"/>) whose other arguments
    /// can move into a lambda unchanged (constants, locals, parameters, fields, properties: nothing that runs code
    /// or cannot be captured), and when <c>Load</c> has the overload (no encoding argument);</item>
    /// <item><c>XDocument.Load(path)</c> only without <c>LoadOptions.SetBaseUri</c> (a stream has no base URI);
    /// <c>XmlDocument.Load(path)</c> never (its <c>BaseURI</c> would change).</item>
    /// </list>
    /// </summary>
    internal static class RecoveringReadPlan
    {
        private const int LoadOptionsSetBaseUri = 2;

        public static RecoveringReadFix Plan(ApiCall read, out IOperation? parse)
        {
            parse = null;
            if (!read.IsFixable || read.Path == null || IsInsideTryWithCatch(read.Operation))
            {
                return RecoveringReadFix.None;
            }

            switch (read.Entry.Shape)
            {
                case "ReadAllText":
                case "ReadAllTextAsync":
                    if (OperationHelpers.ArgumentOfType(read.Operation, "System.Text", "Encoding") == null
                        && ParsedAtOnce(read.Operation, read.Entry.Shape == "ReadAllTextAsync", ParseInput.Text, out parse))
                    {
                        return RecoveringReadFix.LoadText;
                    }

                    parse = null;
                    return RecoveringReadFix.ReadAll;
                case "ReadAllBytes":
                case "ReadAllBytesAsync":
                case "ReadAllLines":
                case "ReadAllLinesAsync":
                    return RecoveringReadFix.ReadAll;
                case "FileOpenRead":
                    return ParsedAtOnce(read.Operation, isAsync: false, ParseInput.Stream, out parse) ? RecoveringReadFix.LoadStream : RecoveringReadFix.None;
                case "XmlLoad":
                    if (IsLinqToXmlLoad(read))
                    {
                        parse = read.Operation;
                        return RecoveringReadFix.LoadStream;
                    }

                    return RecoveringReadFix.None;
                default:
                    return RecoveringReadFix.None;
            }
        }

        /// <summary>Whether the read (awaited, for an async read) is the argument of a parser that takes it as <paramref name="input"/>.</summary>
        private static bool ParsedAtOnce(IOperation read, bool isAsync, ParseInput input, out IOperation? parse)
        {
            parse = null;
            var value = read;
            if (isAsync)
            {
                if (value.Parent is IInvocationOperation configureAwait && configureAwait.TargetMethod?.Name == "ConfigureAwait" && configureAwait.Instance == value)
                {
                    value = configureAwait;
                }

                if (!(value.Parent is IAwaitOperation awaited))
                {
                    return false;
                }

                value = awaited;
            }

            while (value.Parent is IConversionOperation conversion && conversion.IsImplicit)
            {
                value = conversion;
            }

            if (!(value.Parent is IArgumentOperation argument) || ParseCalls.InputOf(argument) != input
                || !(argument.Parent is IInvocationOperation invocation))
            {
                return false;
            }

            foreach (var other in invocation.Arguments)
            {
                if (other != argument && other.ArgumentKind != ArgumentKind.DefaultValue && !CanMoveIntoLambda(other.Value))
                {
                    return false;
                }
            }

            parse = invocation;
            return true;
        }

        /// <summary><c>XDocument.Load(path)</c> or <c>XElement.Load(path, options)</c> without <c>SetBaseUri</c>.</summary>
        private static bool IsLinqToXmlLoad(ApiCall read)
        {
            var type = read.Method.ContainingType;
            if (type == null || !(type.Name == "XDocument" || type.Name == "XElement") || !read.Method.IsStatic)
            {
                return false;
            }

            var options = OperationHelpers.ArgumentOfType(read.Operation, "System.Xml.Linq", "LoadOptions");
            if (options == null)
            {
                return true;
            }

            int? value = OperationHelpers.ConstantInt(options.Value);
            return value != null && (value.Value & LoadOptionsSetBaseUri) == 0 && CanMoveIntoLambda(options.Value);
        }

        /// <summary>
        /// Whether the value can be evaluated inside a lambda instead, with the same result: it runs no code of its own
        /// and can be captured (no ref locals or parameters, no ref structs, no <c>this</c> of a struct).
        /// </summary>
        public static bool CanMoveIntoLambda(IOperation? operation)
        {
            switch (operation)
            {
                case null:
                    return false;
                case IConversionOperation conversion:
                    return conversion.OperatorMethod == null && CanMoveIntoLambda(conversion.Operand);
                case ILiteralOperation _:
                case IDefaultValueOperation _:
                case ITypeOfOperation _:
                case INameOfOperation _:
                    return true;
                case ILocalReferenceOperation local:
                    return local.Local.RefKind == RefKind.None && !local.Local.Type.IsRefLikeType;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter.RefKind == RefKind.None && !parameter.Parameter.Type.IsRefLikeType;
                case IFieldReferenceOperation field:
                    return field.Instance == null || CanMoveIntoLambda(field.Instance);
                case IPropertyReferenceOperation property:
                    return property.Arguments.IsEmpty && (property.Instance == null || CanMoveIntoLambda(property.Instance));
                case IInstanceReferenceOperation instance:
                    return instance.Type != null && !instance.Type.IsValueType;
                case IObjectCreationOperation creation:
                    // new JsonSerializerOptions { ... }: a fresh options object per parse attempt parses the same way.
                    return creation.Type != null && IsLibraryType(creation.Type) && creation.Arguments.All(a => a.ArgumentKind == ArgumentKind.DefaultValue || CanMoveIntoLambda(a.Value))
                        && (creation.Initializer == null || creation.Initializer.Initializers.All(i =>
                            i is ISimpleAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation && CanMoveIntoLambda(assignment.Value)));
            }

            return operation.ConstantValue.HasValue;
        }

        private static bool IsLibraryType(ITypeSymbol type) =>
            OperationHelpers.NamespaceStartsWith(type.ContainingNamespace, "System") || OperationHelpers.NamespaceStartsWith(type.ContainingNamespace, "Newtonsoft");

        private static bool IsInsideTryWithCatch(IOperation operation)
        {
            var child = operation;
            for (var current = operation.Parent; current != null; child = current, current = current.Parent)
            {
                if (current is ITryOperation tryOperation && tryOperation.Body == child && !tryOperation.Catches.IsEmpty)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
