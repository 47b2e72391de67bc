using System.Collections.Generic;
using AtomicWriteAnalyzer.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Paths
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
                case ILocalReferenceOperation local when local.Local != null && SingleDefinition(local, facts) is { } definition:
                    return CollectLeaves(definition, facts, depth + 1, leaves, parts);
                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add:
                    return CollectLeaves(binary.LeftOperand, facts, depth + 1, leaves, parts) && CollectLeaves(binary.RightOperand, facts, depth + 1, leaves, parts);
                case IInterpolatedStringOperation interpolated:
                    return CollectHoles(interpolated, facts, depth, leaves, parts);
                case IInvocationOperation invocation when invocation.TargetMethod != null && PathCalls.IsFixedFolder(PathCalls.Classify(invocation.TargetMethod)):
                    return true;
                case IInvocationOperation invocation when invocation.TargetMethod != null && PathCalls.IsComposition(PathCalls.Classify(invocation.TargetMethod)):
                    return CollectArguments(invocation, facts, depth, leaves, parts);
                case IPropertyReferenceOperation property when property.Property?.ContainingType != null && IsFixedFolder(property.Property):
                    return true;
                case IPropertyReferenceOperation property when property.Property?.ContainingType != null && IsPathOfFileInfo(property.Property):
                    return CollectLeaves(property.Instance, facts, depth + 1, leaves, parts);
                case IObjectCreationOperation creation when creation.Type?.Name == "FileInfo":
                    return CollectLeaves(OperationHelpers.ArgumentValue(creation, "fileName"), facts, depth + 1, leaves, parts);
            }

            leaves.Add(operation);
            return true;
        }

        /// <summary>The one definition a local is followed through; null (a leaf) for a parameter, a compound or deconstruction assignment.</summary>
        private static IOperation? SingleDefinition(ILocalReferenceOperation local, IPathFacts facts)
        {
            var definitions = facts.DefinitionsOf(local.Local, local);
            return definitions.Length == 1 && !(definitions[0] is IArgumentOperation) && !(definitions[0] is ICompoundAssignmentOperation)
                && !(definitions[0] is IDeconstructionAssignmentOperation)
                ? definitions[0]
                : null;
        }

        private static bool CollectHoles(IInterpolatedStringOperation interpolated, IPathFacts facts, int depth, List<IOperation> leaves, List<IOperation>? parts)
        {
            foreach (var part in interpolated.Parts)
            {
                if (part is IInterpolationOperation hole && !CollectLeaves(hole.Expression, facts, depth + 1, leaves, parts))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool CollectArguments(IInvocationOperation invocation, IPathFacts facts, int depth, List<IOperation> leaves, List<IOperation>? parts)
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

        /// <summary><c>AppContext.BaseDirectory</c>: the same folder on every call.</summary>
        private static bool IsFixedFolder(IPropertySymbol property) =>
            property.ContainingType.Name == "AppContext" && property.Name == "BaseDirectory";

        /// <summary><c>FileInfo.FullName</c> and <c>DirectoryName</c> are computed from the path the <c>FileInfo</c> was made with.</summary>
        private static bool IsPathOfFileInfo(IPropertySymbol property)
        {
            var owner = property.ContainingType;
            return (owner.Name == "FileInfo" || owner.Name == "FileSystemInfo") && OperationHelpers.NamespaceIs(owner.ContainingNamespace, "System.IO")
                && (property.Name == "FullName" || property.Name == "DirectoryName");
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
        private static bool IsPathComposition(IMethodSymbol method) => PathCalls.IsComposition(PathCalls.Classify(method));

        /// <summary>Folders that are the same on every call: the temp folder, special folders, an environment variable.</summary>
        private static bool IsFixedFolder(IMethodSymbol method) => PathCalls.IsFixedFolder(PathCalls.Classify(method));

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
                    return CaptureSafety.CanMoveIntoLambda(other);
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
