using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using AtomicWriteAnalyzer.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Paths
{
    /// <summary>
    /// Whether two path expressions denote the same file, by a canonical key of each: the same symbol, or the same
    /// computation (through locals with one definition), where a random name or a clock reading is a new value at
    /// each call. Pairs a temp's write with its rename and compares a temp's
    /// parts with its target's.
    /// </summary>
    internal static class PathKeys
    {
        private const int MaxKeyDepth = 6;
        private const int MaxKeyNodes = 256;

        private static readonly ConditionalWeakTable<IOperation, string> Keys = new ConditionalWeakTable<IOperation, string>();

        /// <summary>Whether two path expressions denote the same path: the same symbol, or the same computation.</summary>
        public static bool SamePath(IOperation? a, IOperation? b, IPathFacts facts) =>
            a != null && b != null && KeyOf(a, facts) == KeyOf(b, facts);

        /// <summary>
        /// Whether a key names a local, a parameter or raw syntax: it means another file in another member's body, so
        /// it pairs only within one body.
        /// </summary>
        public static bool IsBodyBound(string key) =>
            key.IndexOf("local:", StringComparison.Ordinal) >= 0 || key.IndexOf("parameter:", StringComparison.Ordinal) >= 0
            || key.IndexOf("syntax:", StringComparison.Ordinal) >= 0 || key.IndexOf('?') >= 0;

        /// <summary>
        /// The key of a path expression, computed once: a body with many writes and renames compares each write with
        /// every later rename, and many replaces compare the same parts. The key depends on the operation only (the
        /// facts give a body's local definitions, the same for every rule), so it is kept with the operation.
        /// </summary>
        public static string KeyOf(IOperation operation, IPathFacts facts) =>
            Keys.GetValue(operation, key =>
            {
                int nodes = MaxKeyNodes;
                return PathKey(key, facts, 0, ref nodes);
            });

        /// <summary>
        /// A canonical text for a path expression: locals with a single definition are replaced by it, so that
        /// <c>var tmp = path + ".tmp"; ...; File.Move(tmp, path)</c> and <c>File.Move(path + ".tmp", path)</c> agree.
        /// </summary>
        private static string PathKey(IOperation? operation, IPathFacts facts, int depth, ref int nodes)
        {
            operation = OperationHelpers.Unwrap(operation);
            if (operation == null)
            {
                return "?";
            }

            // Locals with one definition are expanded where they are used, so a chain of them reused several times
            // (a = b + b; b = c + c; ...) fans out: the node budget bounds it like the depth bounds a chain.
            if (depth > MaxKeyDepth || --nodes < 0)
            {
                return "syntax:" + Compact(operation.Syntax.ToString());
            }

            switch (operation)
            {
                case ILocalReferenceOperation local when local.Local != null:
                    var definitions = facts.DefinitionsOf(local.Local, local);
                    if (definitions.Length == 1 && !(definitions[0] is IArgumentOperation) && !(definitions[0] is ICompoundAssignmentOperation))
                    {
                        return PathKey(definitions[0], facts, depth + 1, ref nodes);
                    }

                    return "local:" + local.Local.Name + "@" + (local.Local.Locations.FirstOrDefault()?.SourceSpan.Start ?? -1);
                case IParameterReferenceOperation parameter when parameter.Parameter != null:
                    return "parameter:" + parameter.Parameter.Name;
                case IFieldReferenceOperation field when field.Field != null:
                    return "field:" + field.Field.Name + "(" + ReceiverKey(field.Instance, facts, depth, ref nodes) + ")";
                case IPropertyReferenceOperation fresh when fresh.Property != null && PathCalls.IsFreshValue(fresh.Property):
                    return FreshKey(fresh);
                case IPropertyReferenceOperation property when property.Property != null && property.Arguments.IsDefaultOrEmpty:
                    return "property:" + property.Property.Name + "(" + ReceiverKey(property.Instance, facts, depth, ref nodes) + ")";
                case IObjectCreationOperation creation when creation.Type?.Name == "FileInfo":
                    return PathKey(OperationHelpers.ArgumentValue(creation, "fileName"), facts, depth + 1, ref nodes);
                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add:
                    return "(" + PathKey(binary.LeftOperand, facts, depth + 1, ref nodes) + "+" + PathKey(binary.RightOperand, facts, depth + 1, ref nodes) + ")";
                case IInterpolatedStringOperation interpolated:
                    return InterpolationKey(interpolated, facts, depth, ref nodes);
                case IInvocationOperation fresh when fresh.TargetMethod != null && PathCalls.IsFreshValue(fresh.TargetMethod):
                    return FreshKey(fresh);
                case IInvocationOperation invocation when invocation.TargetMethod != null:
                    return CallKey(invocation, facts, depth, ref nodes);
            }

            if (operation.ConstantValue.HasValue)
            {
                return "const:" + operation.ConstantValue.Value;
            }

            return "syntax:" + Compact(operation.Syntax.ToString());
        }

        private static string InterpolationKey(IInterpolatedStringOperation interpolated, IPathFacts facts, int depth, ref int nodes)
        {
            var builder = new StringBuilder("$(");
            foreach (var part in interpolated.Parts)
            {
                builder.Append(part is IInterpolationOperation hole ? PathKey(hole.Expression, facts, depth + 1, ref nodes) : Compact(part.Syntax.ToString())).Append(',');
            }

            return builder.Append(')').ToString();
        }

        private static string CallKey(IInvocationOperation invocation, IPathFacts facts, int depth, ref int nodes)
        {
            var call = new StringBuilder(invocation.TargetMethod.ContainingType?.Name).Append('.').Append(invocation.TargetMethod.Name).Append('(')
                .Append(ReceiverKey(invocation.Instance, facts, depth, ref nodes)).Append(';');
            for (int i = 0; i < invocation.Arguments.Length; i++)
            {
                call.Append(i == 0 ? "" : ",").Append(PathKey(invocation.Arguments[i]?.Value, facts, depth + 1, ref nodes));
            }

            return call.Append(')').ToString();
        }

        // Each evaluation of a random name or a clock reading is its own value: two temps built the same way from
        // Path.GetRandomFileName() are two files, so the key names the place of the call (a local holding it is
        // expanded to its one definition, so the temp's write and its rename still share the key).
        private static string FreshKey(IOperation operation) =>
            "fresh:" + Compact(operation.Syntax.ToString()) + "@" + operation.Syntax.SpanStart;

        private static string ReceiverKey(IOperation? instance, IPathFacts facts, int depth, ref int nodes) =>
            instance == null || instance is IInstanceReferenceOperation ? "this" : PathKey(instance, facts, depth + 1, ref nodes);

        private static string Compact(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                if (!char.IsWhiteSpace(c))
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }
    }
}
