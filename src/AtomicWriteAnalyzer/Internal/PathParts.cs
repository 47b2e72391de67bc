using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Internal
{
    /// <summary>
    /// What a path expression is computed from (its parts, through locals with one definition, concatenation,
    /// interpolation and the <c>Path</c> helpers), and whether computing it earlier gives the same value. Used by
    /// AW0003 to judge a temp's name against its target, and by the fixes' preconditions.
    /// </summary>
    internal static class PathParts
    {
        private const int MaxLeafDepth = 8;
        private const int MaxLeaves = 32;

        /// <summary>Operations visited per path: constants add no leaf, so a chain of locals reused several times needs its own bound.</summary>
        private const int MaxParts = 256;

        /// <summary>
        /// The parts a path is computed from, through locals with one definition, concatenation, interpolation and the
        /// <c>Path</c> helpers; constants and fixed folders are left out. False when there are too many to compare.
        /// </summary>
        public static bool CollectLeaves(IOperation? operation, IPathFacts facts, int depth, List<IOperation> leaves, List<IOperation>? parts = null)
        {
            operation = OperationHelpers.Unwrap(operation);
            if (operation == null || depth > MaxLeafDepth || leaves.Count > MaxLeaves || (parts != null && parts.Count > MaxParts))
            {
                return false;
            }

            parts?.Add(operation);

            if (operation.ConstantValue.HasValue)
            {
                return true;
            }

            switch (operation)
            {
                case ILocalReferenceOperation local when local.Local != null:
                    var definitions = facts.DefinitionsOf(local.Local, local);
                    if (definitions.Length == 1 && !(definitions[0] is IArgumentOperation) && !(definitions[0] is ICompoundAssignmentOperation)
                        && !(definitions[0] is IDeconstructionAssignmentOperation))
                    {
                        return CollectLeaves(definitions[0], facts, depth + 1, leaves, parts);
                    }

                    break;
                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add:
                    return CollectLeaves(binary.LeftOperand, facts, depth + 1, leaves, parts) && CollectLeaves(binary.RightOperand, facts, depth + 1, leaves, parts);
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation hole && !CollectLeaves(hole.Expression, facts, depth + 1, leaves, parts))
                        {
                            return false;
                        }
                    }

                    return true;
                case IInvocationOperation invocation when invocation.TargetMethod != null:
                    if (IsFixedFolder(invocation.TargetMethod))
                    {
                        return true;
                    }

                    if (IsPathComposition(invocation.TargetMethod))
                    {
                        foreach (var argument in invocation.Arguments)
                        {
                            if (!CollectArgument(argument.Value, facts, depth, leaves, parts))
                            {
                                return false;
                            }
                        }

                        return true;
                    }

                    break;
                case IPropertyReferenceOperation property when property.Property?.ContainingType != null:
                    var owner = property.Property.ContainingType;
                    if (owner.Name == "AppContext" && property.Property.Name == "BaseDirectory")
                    {
                        return true;
                    }

                    if ((owner.Name == "FileInfo" || owner.Name == "FileSystemInfo") && OperationHelpers.NamespaceIs(owner.ContainingNamespace, "System.IO")
                        && (property.Property.Name == "FullName" || property.Property.Name == "DirectoryName"))
                    {
                        return CollectLeaves(property.Instance, facts, depth + 1, leaves, parts);
                    }

                    break;
                case IObjectCreationOperation creation when creation.Type?.Name == "FileInfo":
                    return CollectLeaves(OperationHelpers.ArgumentValue(creation, "fileName"), facts, depth + 1, leaves, parts);
            }

            leaves.Add(operation);
            return true;
        }

        private static bool CollectArgument(IOperation? value, IPathFacts facts, int depth, List<IOperation> leaves, List<IOperation>? parts)
        {
            if (OperationHelpers.Unwrap(value) is IArrayCreationOperation array && array.Initializer != null)
            {
                foreach (var element in array.Initializer.ElementValues)
                {
                    if (!CollectLeaves(element, facts, depth + 1, leaves, parts))
                    {
                        return false;
                    }
                }

                return true;
            }

            return CollectLeaves(value, facts, depth + 1, leaves, parts);
        }

        /// <summary><c>Path.Combine</c>, <c>Join</c>, <c>ChangeExtension</c>, ... and <c>string.Concat</c>: the result is made of the arguments.</summary>
        public static bool IsPathComposition(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type == null)
            {
                return false;
            }

            if (type.SpecialType == SpecialType.System_String)
            {
                return method.IsStatic && method.Name == "Concat";
            }

            if (type.Name != "Path" || !OperationHelpers.NamespaceIs(type.ContainingNamespace, "System.IO"))
            {
                return false;
            }

            switch (method.Name)
            {
                case "Combine":
                case "Join":
                case "ChangeExtension":
                case "GetDirectoryName":
                case "GetFileName":
                case "GetFileNameWithoutExtension":
                case "GetFullPath":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Folders that are the same on every call: the temp folder, special folders, an environment variable.</summary>
        public static bool IsFixedFolder(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type == null)
            {
                return false;
            }

            if (type.Name == "Path" && method.Name == "GetTempPath")
            {
                return OperationHelpers.NamespaceIs(type.ContainingNamespace, "System.IO");
            }

            return type.Name == "Environment" && (method.Name == "GetFolderPath" || method.Name == "GetEnvironmentVariable")
                && OperationHelpers.NamespaceIs(type.ContainingNamespace, "System");
        }

        /// <summary>
        /// Whether a value gives the same result when computed earlier, before the write: constants, locals, parameters,
        /// fields, properties, and strings composed of them (concatenation, interpolation, <c>Path</c> helpers).
        /// </summary>
        public static bool IsPlainValue(IOperation? operation)
        {
            switch (OperationHelpers.Unwrap(operation))
            {
                case null:
                    return false;
                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add:
                    return IsPlainValue(binary.LeftOperand) && IsPlainValue(binary.RightOperand);
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation hole && (hole.Alignment != null || hole.FormatString != null || !IsPlainValue(hole.Expression)))
                        {
                            return false;
                        }
                    }

                    return true;
                case IInvocationOperation invocation when invocation.TargetMethod != null && IsPathComposition(invocation.TargetMethod):
                    foreach (var argument in invocation.Arguments)
                    {
                        var value = OperationHelpers.Unwrap(argument.Value);
                        if (value is IArrayCreationOperation array && array.Initializer != null)
                        {
                            foreach (var element in array.Initializer.ElementValues)
                            {
                                if (!IsPlainValue(element))
                                {
                                    return false;
                                }
                            }
                        }
                        else if (argument.ArgumentKind != ArgumentKind.DefaultValue && !IsPlainValue(value))
                        {
                            return false;
                        }
                    }

                    return true;
                case IInvocationOperation invocation when invocation.TargetMethod != null && IsFixedFolder(invocation.TargetMethod):
                    return true;
                case IInstanceReferenceOperation _:
                    return true;
                case var other:
                    return RecoveringReadPlan.CanMoveIntoLambda(other);
            }
        }

        /// <summary>Whether evaluating the value can have effects beyond computing a string (a call into user code).</summary>
        public static bool MayHaveEffects(IOperation operation)
        {
            foreach (var descendant in operation.DescendantsAndSelf())
            {
                var method = OperationHelpers.TargetMethod(descendant);
                if (method != null && !OperationHelpers.NamespaceStartsWith(method.ContainingNamespace, "System"))
                {
                    return true;
                }

                if (descendant is IInvalidOperation)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
