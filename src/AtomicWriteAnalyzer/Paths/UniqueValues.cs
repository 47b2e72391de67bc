using AtomicWriteAnalyzer.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Paths
{
    /// <summary>
    /// Values that differ on every call (<c>Guid.NewGuid()</c>, <c>DateTime.Now</c>, a tick count), and what is
    /// formatted from them (<c>Guid.NewGuid().ToString("N")</c>, <c>DateTime.Now.Ticks</c>): a path that holds one
    /// names a new file every time, so writing it overwrites nothing.
    /// </summary>
    internal static class UniqueValues
    {
        /// <summary>The unique value the operation is or is formatted from (<c>"Guid.NewGuid()"</c>), or null.</summary>
        public static string? Describe(IOperation? operation)
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
                            return null;
                        }

                        if (method.IsStatic)
                        {
                            return IsUniqueCall(method) ? method.ContainingType!.Name + "." + method.Name + "()" : null;
                        }

                        operation = invocation.Instance;
                        break;
                    case IPropertyReferenceOperation reference when reference.Property != null:
                        var property = reference.Property;
                        if (!IsSystemType(property.ContainingType))
                        {
                            return null;
                        }

                        if (property.IsStatic)
                        {
                            return IsUniqueProperty(property) ? property.ContainingType!.Name + "." + property.Name : null;
                        }

                        operation = reference.Instance;
                        break;
                    default:
                        return null;
                }
            }

            return null;
        }

        private static bool IsUniqueCall(IMethodSymbol method) =>
            (method.Name == "NewGuid" && method.ContainingType!.Name == "Guid")
            || (method.Name == "GetTimestamp" && method.ContainingType!.Name == "Stopwatch");

        private static bool IsUniqueProperty(IPropertySymbol property)
        {
            string type = property.ContainingType!.Name;
            return ((type == "DateTime" || type == "DateTimeOffset") && (property.Name == "Now" || property.Name == "UtcNow"))
                || (type == "Environment" && (property.Name == "TickCount" || property.Name == "TickCount64"));
        }

        private static bool IsSystemType(INamedTypeSymbol? type) =>
            type != null && OperationHelpers.NamespaceStartsWith(type.ContainingNamespace, "System");
    }
}
