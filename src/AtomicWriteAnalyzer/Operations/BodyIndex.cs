using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Operations
{
    /// <summary>
    /// The operations of one body (the root above an operation: a member body or an initializer), indexed once for
    /// every question the rules ask about it: its invocations in source order and by name, the references to each of its
    /// locals and the declarator of each, the index of each statement in its block. The rules ask per call (is the temp flushed before this rename, who else uses
    /// this local); a walk of the whole body per question made a method with thousands of calls quadratic, paid again
    /// in the IDE on every keystroke. Kept for as long as the operation tree lives, shared by every rule.
    /// </summary>
    internal sealed class BodyIndex
    {
        private static readonly ConditionalWeakTable<IOperation, BodyIndex> ByRoot = new ConditionalWeakTable<IOperation, BodyIndex>();

        private static readonly IReadOnlyList<IInvocationOperation> NoInvocations = Array.Empty<IInvocationOperation>();
        private static readonly IReadOnlyList<ILocalReferenceOperation> NoReferences = Array.Empty<ILocalReferenceOperation>();

        /// <summary>Invocations in walk order (the order <c>Descendants()</c> gives).</summary>
        private readonly List<IInvocationOperation> _invocations = new List<IInvocationOperation>();

        /// <summary>Indices into <see cref="_invocations"/>, sorted by position in the source, and those positions.</summary>
        private readonly int[] _byPosition;
        private readonly int[] _starts;

        private readonly Dictionary<string, List<IInvocationOperation>> _byName = new Dictionary<string, List<IInvocationOperation>>(StringComparer.Ordinal);
        private readonly Dictionary<ILocalSymbol, List<ILocalReferenceOperation>> _references = new Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, IVariableDeclaratorOperation> _declarators = new Dictionary<ILocalSymbol, IVariableDeclaratorOperation>(SymbolEqualityComparer.Default);
        private readonly Dictionary<IOperation, int> _statementIndices = new Dictionary<IOperation, int>();
        private readonly List<IConditionalOperation> _existenceConditionals = new List<IConditionalOperation>();

        private BodyIndex(IOperation root)
        {
            IndexStatements(root);
            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        _invocations.Add(invocation);
                        string name = invocation.TargetMethod?.Name ?? "";
                        if (!_byName.TryGetValue(name, out var named))
                        {
                            named = new List<IInvocationOperation>();
                            _byName.Add(name, named);
                        }

                        named.Add(invocation);
                        if (name == "Exists")
                        {
                            IndexExistenceConditional(invocation);
                        }

                        break;
                    case IPropertyReferenceOperation property when property.Property?.Name == "Exists":
                        IndexExistenceConditional(property);
                        break;
                    case ILocalReferenceOperation reference when reference.Local != null:
                        if (!_references.TryGetValue(reference.Local, out var references))
                        {
                            references = new List<ILocalReferenceOperation>();
                            _references.Add(reference.Local, references);
                        }

                        references.Add(reference);
                        break;
                    case IVariableDeclaratorOperation declarator when declarator.Symbol != null && !_declarators.ContainsKey(declarator.Symbol):
                        _declarators.Add(declarator.Symbol, declarator);
                        break;
                    case IBlockOperation block:
                        IndexStatements(block);
                        break;
                }
            }

            var order = new int[_invocations.Count];
            var starts = new int[_invocations.Count];
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = i;
                starts[i] = _invocations[i].Syntax.SpanStart;
            }

            // Walk order is source order except in rare shapes (query clauses): positions are searched, walk order returned.
            Array.Sort(starts, order);
            _byPosition = order;
            _starts = starts;
        }

        /// <summary>The <c>if</c> (or <c>?:</c>) whose condition holds this <c>Exists</c> test, if any.</summary>
        private void IndexExistenceConditional(IOperation test)
        {
            var child = test;
            for (var parent = test.Parent; parent != null; child = parent, parent = parent.Parent)
            {
                if (parent is IConditionalOperation conditional)
                {
                    if (child == conditional.Condition && !_existenceConditionals.Contains(conditional))
                    {
                        _existenceConditionals.Add(conditional);
                    }

                    return;
                }

                if (!(parent is IUnaryOperation || parent is IBinaryOperation || parent is IConversionOperation || parent is IParenthesizedOperation || parent is IInvocationOperation || parent is IArgumentOperation || parent is IObjectCreationOperation))
                {
                    return;
                }
            }
        }

        private void IndexStatements(IOperation operation)
        {
            if (operation is IBlockOperation block)
            {
                for (int i = 0; i < block.Operations.Length; i++)
                {
                    _statementIndices[block.Operations[i]] = i;
                }
            }
        }

        /// <summary>The index of the body that <paramref name="operation"/> belongs to.</summary>
        public static BodyIndex Of(IOperation operation) => ByRoot.GetValue(OperationHelpers.Root(operation), root => new BodyIndex(root));

        /// <summary>The invocations that start strictly between the two positions, in walk order.</summary>
        public IEnumerable<IInvocationOperation> InvocationsBetween(int start, int end)
        {
            int low = 0;
            int high = _starts.Length;
            while (low < high)
            {
                int middle = low + ((high - low) / 2);
                if (_starts[middle] <= start)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            var found = new List<int>();
            for (int i = low; i < _starts.Length && _starts[i] < end; i++)
            {
                found.Add(_byPosition[i]);
            }

            found.Sort();
            foreach (int index in found)
            {
                yield return _invocations[index];
            }
        }

        /// <summary>The conditionals whose condition tests whether a file exists (<c>File.Exists</c>, <c>FileInfo.Exists</c>, by name), in walk order.</summary>
        public IReadOnlyList<IConditionalOperation> ExistenceConditionals => _existenceConditionals;

        /// <summary>The invocations of methods with that name, in walk order.</summary>
        public IReadOnlyList<IInvocationOperation> InvocationsNamed(string name) =>
            _byName.TryGetValue(name, out var invocations) ? invocations : NoInvocations;

        /// <summary>The references to the local in the body, in walk order.</summary>
        public IReadOnlyList<ILocalReferenceOperation> ReferencesTo(ILocalSymbol local) =>
            _references.TryGetValue(local, out var references) ? references : NoReferences;

        /// <summary>The index of a statement in its block's <c>Operations</c> (what <c>IndexOf</c> would give), or -1.</summary>
        public int StatementIndex(IOperation statement) =>
            statement.Parent is IBlockOperation && _statementIndices.TryGetValue(statement, out int index) ? index : -1;

        /// <summary>The declarator of the local in the body, or null (a pattern or <c>out var</c> local).</summary>
        public IVariableDeclaratorOperation? DeclaratorOf(ILocalSymbol local) =>
            _declarators.TryGetValue(local, out var declarator) ? declarator : null;
    }
}
