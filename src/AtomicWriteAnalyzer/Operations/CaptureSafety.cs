using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Operations
{
    /// <summary>
    /// Whether a value may be computed somewhere else (inside a lambda, or earlier) with the same result: the fixes
    /// move arguments into <c>AtomicFile.Load</c>'s parser lambda and compute a target before a write.
    /// </summary>
    internal static class CaptureSafety
    {
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
    }
}
