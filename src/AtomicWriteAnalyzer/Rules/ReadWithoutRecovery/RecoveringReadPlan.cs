using AtomicWriteAnalyzer.Catalog;
using AtomicWriteAnalyzer.Contract;
using AtomicWriteAnalyzer.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Rules.ReadWithoutRecovery
{
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

        public static ReadFix Plan(ApiCall read, out IOperation? parse) => Plan(read, out parse, out _);

        /// <summary>
        /// As <see cref="Plan(ApiCall, out IOperation?)"/>; <paramref name="declaration"/> is the local declaration the
        /// read initializes when the parser takes that local in the next statement (<c>var json = File.ReadAllText(p);
        /// return Parse(json);</c>): the <c>Load</c> fix removes it.
        /// </summary>
        public static ReadFix Plan(ApiCall read, out IOperation? parse, out IOperation? declaration)
        {
            parse = null;
            declaration = null;
            if (!read.IsFixable || read.Path == null || IsInsideTryWithCatch(read.Operation))
            {
                return ReadFix.None;
            }

            switch (read.Entry.Shape)
            {
                case CallShape.ReadAllText:
                case CallShape.ReadAllTextAsync:
                    if (OperationHelpers.ArgumentOfType(read.Operation, "System.Text", "Encoding") == null
                        && (ParsedAtOnce(read.Operation, read.Entry.Shape == CallShape.ReadAllTextAsync, ParseInput.Text, out parse)
                            || ParsedNext(read.Operation, read.Entry.Shape == CallShape.ReadAllTextAsync, ParseInput.Text, out parse, out declaration)))
                    {
                        return ReadFix.LoadText;
                    }

                    parse = null;
                    return ReadFix.ReadAll;
                case CallShape.ReadAllBytes:
                case CallShape.ReadAllBytesAsync:
                case CallShape.ReadAllLines:
                case CallShape.ReadAllLinesAsync:
                    return ReadFix.ReadAll;
                case CallShape.FileOpenRead:
                    return ParsedAtOnce(read.Operation, isAsync: false, ParseInput.Stream, out parse)
                        || ParsedNext(read.Operation, isAsync: false, ParseInput.Stream, out parse, out declaration)
                        ? ReadFix.LoadStream : ReadFix.None;
                case CallShape.XmlLoad:
                    if (IsLinqToXmlLoad(read))
                    {
                        parse = read.Operation;
                        return ReadFix.LoadStream;
                    }

                    return ReadFix.None;
                default:
                    return ReadFix.None;
            }
        }

        /// <summary>Whether the read (awaited, for an async read) is the argument of a parser that takes it as <paramref name="input"/>.</summary>
        private static bool ParsedAtOnce(IOperation read, bool isAsync, ParseInput input, out IOperation? parse)
        {
            parse = null;
            var value = ReadValue(read, isAsync);
            return value != null && IsParserArgument(value, input, out parse);
        }

        /// <summary>
        /// Whether the read initializes a local (<c>var json = File.ReadAllText(p);</c>) whose only use is as the parser's
        /// argument in the next statement, where the parser runs first (<c>return Parse(json) ?? fallback;</c>,
        /// <c>var x = Parse(json);</c>, <c>_field = Parse(json);</c>): then reading and parsing are one step, and the
        /// declaration can go.
        /// </summary>
        private static bool ParsedNext(IOperation read, bool isAsync, ParseInput input, out IOperation? parse, out IOperation? declaration)
        {
            parse = null;
            declaration = null;
            var value = ReadValue(read, isAsync);
            if (value == null || !(value.Parent is IVariableInitializerOperation initializer)
                || !(initializer.Parent is IVariableDeclaratorOperation declarator) || declarator.Symbol == null
                || !(declarator.Parent is IVariableDeclarationOperation variables) || variables.Declarators.Length != 1
                || !(variables.Parent is IVariableDeclarationGroupOperation group) || group.Declarations.Length != 1
                || !(group.Parent is IBlockOperation block))
            {
                return false;
            }

            var local = declarator.Symbol;
            int index = BodyIndex.Of(group).StatementIndex(group);
            if (local.IsConst || local.RefKind != RefKind.None || index < 0 || index + 1 >= block.Operations.Length)
            {
                return false;
            }

            var next = block.Operations[index + 1];
            ILocalReferenceOperation? use = null;
            foreach (var reference in BodyIndex.Of(read).ReferencesTo(local))
            {
                if (use != null)
                {
                    return false;
                }

                use = reference;
            }

            IOperation? usedValue = use;
            while (usedValue?.Parent is IConversionOperation conversion && conversion.IsImplicit)
            {
                usedValue = conversion;
            }

            if (usedValue == null || !next.Syntax.Span.Contains(usedValue.Syntax.Span) || !IsParserArgument(usedValue, input, out parse)
                || !RunsFirst(parse!, next))
            {
                parse = null;
                return false;
            }

            declaration = group;
            return true;
        }

        /// <summary>The read's value as its parent sees it: through <c>ConfigureAwait</c> and <c>await</c> for an async read.</summary>
        private static IOperation? ReadValue(IOperation read, bool isAsync)
        {
            var value = read;
            if (isAsync)
            {
                if (value.Parent is IInvocationOperation configureAwait && configureAwait.TargetMethod?.Name == "ConfigureAwait" && configureAwait.Instance == value)
                {
                    value = configureAwait;
                }

                if (!(value.Parent is IAwaitOperation awaited))
                {
                    return null;
                }

                value = awaited;
            }

            while (value.Parent is IConversionOperation conversion && conversion.IsImplicit)
            {
                value = conversion;
            }

            return value;
        }

        /// <summary>Whether the value is the argument of a parser taking <paramref name="input"/>, whose other arguments can move into a lambda.</summary>
        private static bool IsParserArgument(IOperation value, ParseInput input, out IOperation? parse)
        {
            parse = null;
            if (!(value.Parent is IArgumentOperation argument) || ParseCalls.InputOf(argument) != input
                || !(argument.Parent is IInvocationOperation invocation))
            {
                return false;
            }

            foreach (var other in invocation.Arguments)
            {
                if (other != argument && other.ArgumentKind != ArgumentKind.DefaultValue && !CaptureSafety.CanMoveIntoLambda(other.Value))
                {
                    return false;
                }
            }

            parse = invocation;
            return true;
        }

        /// <summary>
        /// Whether nothing in <paramref name="statement"/> is evaluated before <paramref name="parse"/>: it is the
        /// statement's expression, its returned value, the first initializer, the value assigned to a local or to a
        /// member of <c>this</c>, or the left side of <c>??</c>.
        /// </summary>
        private static bool RunsFirst(IOperation parse, IOperation statement)
        {
            var node = parse;
            for (int i = 0; i < 32 && node != statement; i++)
            {
                var parent = node.Parent;
                switch (parent)
                {
                    case null:
                        return false;
                    case IConversionOperation _:
                    case IVariableInitializerOperation _:
                    case IVariableDeclaratorOperation _:
                    case IVariableDeclarationGroupOperation _:
                    case IReturnOperation _:
                    case IExpressionStatementOperation _:
                        break;
                    case IVariableDeclarationOperation variables when variables.Declarators.Length > 0 && variables.Declarators[0] == node:
                        break;
                    case ICoalesceOperation coalesce when coalesce.Value == node:
                        break;
                    case ISimpleAssignmentOperation assignment when assignment.Value == node && IsPlainTarget(assignment.Target):
                        break;
                    default:
                        return false;
                }

                node = parent;
            }

            return node == statement;
        }

        private static bool IsPlainTarget(IOperation target) => target switch
        {
            ILocalReferenceOperation _ => true,
            IDiscardOperation _ => true,
            IFieldReferenceOperation field => field.Instance == null || field.Instance is IInstanceReferenceOperation,
            IPropertyReferenceOperation property => property.Arguments.IsEmpty && (property.Instance == null || property.Instance is IInstanceReferenceOperation),
            _ => false,
        };

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
            return value != null && (value.Value & LoadOptionsSetBaseUri) == 0 && CaptureSafety.CanMoveIntoLambda(options.Value);
        }

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
