using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Operations
{
    /// <summary>
    /// The values assigned to each local of one member body: declarator initializers and assignments. Not flow
    /// sensitive: every definition is an alternative. Definitions the analyzer cannot read (out arguments,
    /// deconstruction, compound assignment) are kept as the operation itself, which reconstructs as unknown.
    /// Built once per body, on the first question.
    /// </summary>
    internal sealed class LocalDefinitions
    {
        private readonly Dictionary<ILocalSymbol, List<IOperation>> _definitions;

        private LocalDefinitions(Dictionary<ILocalSymbol, List<IOperation>> definitions)
        {
            _definitions = definitions;
        }

        public static LocalDefinitions Build(IOperation root)
        {
            var definitions = new Dictionary<ILocalSymbol, List<IOperation>>(SymbolEqualityComparer.Default);
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when declarator.Symbol != null:
                        var initializer = declarator.Initializer?.Value
                            ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                        if (initializer != null)
                        {
                            Add(definitions, declarator.Symbol, initializer);
                        }

                        break;
                    case ISimpleAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation local && local.Local != null:
                        Add(definitions, local.Local, assignment.Value);
                        break;
                    case ICompoundAssignmentOperation compound when compound.Target is ILocalReferenceOperation local && local.Local != null:
                        Add(definitions, local.Local, compound);
                        break;
                    case IArgumentOperation argument when argument.Parameter != null && argument.Parameter.RefKind != RefKind.None
                        && argument.Value is ILocalReferenceOperation local && local.Local != null:
                        Add(definitions, local.Local, argument);
                        break;
                    case IDeconstructionAssignmentOperation deconstruction:
                        foreach (var target in deconstruction.Target.DescendantsAndSelf())
                        {
                            if (target is ILocalReferenceOperation local && local.Local != null)
                            {
                                Add(definitions, local.Local, deconstruction);
                            }
                        }

                        break;
                }
            }

            return new LocalDefinitions(definitions);
        }

        public ImmutableArray<IOperation> Of(ILocalSymbol local) =>
            _definitions.TryGetValue(local, out var values) ? values.ToImmutableArray() : ImmutableArray<IOperation>.Empty;

        private static void Add(Dictionary<ILocalSymbol, List<IOperation>> definitions, ILocalSymbol local, IOperation value)
        {
            if (!definitions.TryGetValue(local, out var values))
            {
                values = new List<IOperation>(1);
                definitions.Add(local, values);
            }

            values.Add(value);
        }
    }
}
