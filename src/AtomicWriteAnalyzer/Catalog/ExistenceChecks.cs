using AtomicWriteAnalyzer.Infrastructure;
using AtomicWriteAnalyzer.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Catalog
{
    /// <summary>
    /// Conditions that test whether a file exists: <c>File.Exists(path)</c> (and <c>IFile.Exists</c>),
    /// <c>fileInfo.Exists</c>, negated by <c>!</c> or <c>== false</c>.
    /// </summary>
    internal static class ExistenceChecks
    {
        /// <summary>
        /// The path a condition tests for existence, and whether the condition is true when the file exists
        /// (<c>File.Exists(p)</c>) or when it does not (<c>!File.Exists(p)</c>); null when it tests something else.
        /// </summary>
        public static (IOperation Path, bool WhenExists)? Of(IOperation? condition, AnalyzerCompilationContext context)
        {
            bool whenExists = true;
            for (int depth = 0; depth < 4; depth++)
            {
                condition = OperationHelpers.Unwrap(condition);
                switch (condition)
                {
                    case IUnaryOperation unary when unary.OperatorKind == UnaryOperatorKind.Not:
                        whenExists = !whenExists;
                        condition = unary.Operand;
                        continue;
                    case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Equals || binary.OperatorKind == BinaryOperatorKind.NotEquals:
                        bool? constant = OperationHelpers.ConstantBool(binary.RightOperand) ?? OperationHelpers.ConstantBool(binary.LeftOperand);
                        if (constant == null)
                        {
                            return null;
                        }

                        whenExists ^= constant.Value != (binary.OperatorKind == BinaryOperatorKind.Equals);
                        condition = OperationHelpers.ConstantBool(binary.RightOperand) != null ? binary.LeftOperand : binary.RightOperand;
                        continue;
                    case IInvocationOperation invocation when invocation.TargetMethod?.Name == "Exists":
                        var type = invocation.TargetMethod.ContainingType;
                        bool isFile = context.IsType(type, "System.IO.File") || ApiCatalog.IsAbstractionOf(type, "System.IO.File");
                        var path = isFile ? OperationHelpers.ArgumentValue(invocation, "path") : null;
                        return path == null ? ((IOperation, bool)?)null : (path, whenExists);
                    case IPropertyReferenceOperation property when property.Property?.Name == "Exists" && property.Instance != null:
                        var holder = property.Property.ContainingType;
                        if (!context.IsType(holder, "System.IO.FileInfo") && !context.IsType(holder, "System.IO.FileSystemInfo"))
                        {
                            return null;
                        }

                        var instance = OperationHelpers.Unwrap(property.Instance)!;
                        var fileName = instance is IObjectCreationOperation creation ? OperationHelpers.ArgumentValue(creation, "fileName") : null;
                        return (fileName ?? instance, whenExists);
                    default:
                        return null;
                }
            }

            return null;
        }
    }
}
