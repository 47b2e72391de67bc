using System.Collections.Generic;
using AtomicWriteAnalyzer.Infrastructure;
using AtomicWriteAnalyzer.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Paths
{
    /// <summary>
    /// Values that differ on every call (<see cref="PathCalls.IsFreshValue"/>: <c>Guid.NewGuid()</c>, <c>DateTime.Now</c>, a tick count), and what is
    /// formatted from them (<c>Guid.NewGuid().ToString("N")</c>, <c>DateTime.Now.Ticks</c>): a path that holds one
    /// names a new file every time, so writing it overwrites nothing. So does the result of the project's own method that
    /// returns one (<see cref="UniqueReturns"/>), and a <c>string.Format</c> of either.
    /// </summary>
    internal static class UniqueValues
    {
        /// <summary>The unique value the operation is or is formatted from (<c>"Guid.NewGuid()"</c>), or null.</summary>
        public static string? Describe(IOperation? operation, AnalyzerCompilationContext context)
        {
            for (int depth = 0; depth < 4; depth++)
            {
                operation = OperationHelpers.Unwrap(operation);
                switch (operation)
                {
                    case IInvocationOperation invocation when invocation.TargetMethod != null:
                        var method = invocation.TargetMethod;
                        if (!IsSystemType(method.ContainingType))
                        {
                            // The project's own wrapper of Guid.NewGuid() (Utils.GetGuid()).
                            return UniqueReturns.Describe(method, context);
                        }

                        if (method.IsStatic && method.ContainingType?.SpecialType == SpecialType.System_String && method.Name == "Format")
                        {
                            return FormattedArgument(invocation, context);
                        }

                        if (PathCalls.IsFreshValue(method))
                        {
                            // Path's own fresh names keep their origin (temp, random): PathReconstruction reads them.
                            return PathCalls.Classify(method) == PathCallKind.None ? method.ContainingType!.Name + "." + method.Name + "()" : null;
                        }

                        if (method.IsStatic)
                        {
                            return null;
                        }

                        operation = invocation.Instance;
                        break;
                    case IPropertyReferenceOperation reference when reference.Property != null:
                        var property = reference.Property;
                        if (!IsSystemType(property.ContainingType))
                        {
                            return null;
                        }

                        if (PathCalls.IsFreshValue(property))
                        {
                            return property.ContainingType!.Name + "." + property.Name;
                        }

                        if (property.IsStatic)
                        {
                            return null;
                        }

                        operation = reference.Instance;
                        break;
                    default:
                        return null;
                }
            }

            return null;
        }

        /// <summary>The unique value a <c>string.Format</c> argument holds (<c>string.Format("test{0}.json", Guid.NewGuid())</c>), or null.</summary>
        private static string? FormattedArgument(IInvocationOperation invocation, AnalyzerCompilationContext context)
        {
            foreach (var argument in invocation.Arguments)
            {
                var values = argument.Value is IArrayCreationOperation array && array.Initializer != null
                    ? (IEnumerable<IOperation>)array.Initializer.ElementValues
                    : new[] { argument.Value };
                foreach (var value in values)
                {
                    string? unique = Describe(value, context);
                    if (unique != null)
                    {
                        return unique;
                    }
                }
            }

            return null;
        }

        private static bool IsSystemType(INamedTypeSymbol? type) =>
            type != null && OperationHelpers.NamespaceStartsWith(type.ContainingNamespace, "System");
    }
}
