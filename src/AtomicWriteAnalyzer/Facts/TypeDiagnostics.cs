using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AtomicWriteAnalyzer.Facts
{
    /// <summary>
    /// The diagnostics of one judged type, filed under the call each one sits on (every rule reports at a kept call:
    /// the write, the read, the rename or the helper call). The driver calls back once per call and per request —
    /// a build, a document, a span the IDE asks about — so reporting from the call's own callback reports each
    /// diagnostic exactly once per request and keeps it inside the span that was asked for. A diagnostic on no kept
    /// call (none today) goes to the first kept call of its tree, or of the type.
    /// </summary>
    internal sealed class TypeDiagnostics
    {
        private readonly Dictionary<AnchorKey, List<Diagnostic>> _byAnchor = new Dictionary<AnchorKey, List<Diagnostic>>();

        public TypeDiagnostics(List<Diagnostic> diagnostics, List<IOperation> anchors)
        {
            if (diagnostics.Count == 0)
            {
                return;
            }

            var known = new HashSet<AnchorKey>();
            foreach (var anchor in anchors)
            {
                known.Add(AnchorKey.Of(anchor));
            }

            foreach (var diagnostic in diagnostics)
            {
                var key = FindAnchor(diagnostic, anchors, known);
                if (!_byAnchor.TryGetValue(key, out var list))
                {
                    list = new List<Diagnostic>(1);
                    _byAnchor.Add(key, list);
                }

                list.Add(diagnostic);
            }
        }

        /// <summary>Reports the diagnostics filed under <paramref name="operation"/>.</summary>
        public void ReportAt(IOperation operation, Action<Diagnostic> report)
        {
            if (_byAnchor.Count != 0 && _byAnchor.TryGetValue(AnchorKey.Of(operation), out var diagnostics))
            {
                foreach (var diagnostic in diagnostics)
                {
                    report(diagnostic);
                }
            }
        }

        private static AnchorKey FindAnchor(Diagnostic diagnostic, List<IOperation> anchors, HashSet<AnchorKey> known)
        {
            var location = diagnostic.Location;
            var tree = location.SourceTree;
            // Explicit calls first: an implicit call (a collection initializer's Add) can share its element's span.
            foreach (bool isImplicit in new[] { false, true })
            {
                var key = new AnchorKey(tree, location.SourceSpan, isImplicit);
                if (known.Contains(key))
                {
                    return key;
                }
            }

            foreach (var anchor in anchors)
            {
                if (anchor.Syntax.SyntaxTree == tree)
                {
                    return AnchorKey.Of(anchor);
                }
            }

            return AnchorKey.Of(anchors[0]);
        }

        private readonly struct AnchorKey : IEquatable<AnchorKey>
        {
            public AnchorKey(SyntaxTree? tree, TextSpan span, bool isImplicit)
            {
                Tree = tree;
                Span = span;
                IsImplicit = isImplicit;
            }

            public SyntaxTree? Tree { get; }

            public TextSpan Span { get; }

            public bool IsImplicit { get; }

            public static AnchorKey Of(IOperation operation) => new AnchorKey(operation.Syntax.SyntaxTree, operation.Syntax.Span, operation.IsImplicit);

            public bool Equals(AnchorKey other) => Tree == other.Tree && Span == other.Span && IsImplicit == other.IsImplicit;

            public override bool Equals(object? obj) => obj is AnchorKey other && Equals(other);

            public override int GetHashCode() => (Span.GetHashCode() * 31) + (IsImplicit ? 1 : 0);
        }
    }
}
