using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace AtomicWriteAnalyzer.CodeFixes.Infrastructure
{
    /// <summary>What a rule needs to plan fixes in one document: its tree, its semantic model and the runtime types.</summary>
    internal sealed class FixContext
    {
        private FixContext(Document document, SyntaxNode root, SemanticModel semanticModel, RuntimeTypes runtime, CancellationToken cancellationToken)
        {
            Document = document;
            Root = root;
            SemanticModel = semanticModel;
            Runtime = runtime;
            CancellationToken = cancellationToken;
        }

        public Document Document { get; }

        public SyntaxNode Root { get; }

        public SemanticModel SemanticModel { get; }

        public RuntimeTypes Runtime { get; }

        public CancellationToken CancellationToken { get; }

        /// <summary>The context, or null when the document cannot be fixed at all (no syntax, or no AtomicWrite runtime referenced).</summary>
        public static async Task<FixContext?> CreateAsync(Document document, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || semanticModel == null)
            {
                return null;
            }

            var runtime = RuntimeTypes.Resolve(semanticModel.Compilation);
            return runtime == null ? null : new FixContext(document, root, semanticModel, runtime, cancellationToken);
        }

        /// <summary>The innermost node of that kind whose span is exactly the diagnostic's.</summary>
        public TNode? FindNode<TNode>(Diagnostic diagnostic)
            where TNode : SyntaxNode => FindNode<TNode>(diagnostic.Location);

        /// <summary>The innermost node of that kind whose span is exactly the location's (an additional location), in this document.</summary>
        public TNode? FindNode<TNode>(Location location)
            where TNode : SyntaxNode
        {
            var span = location.SourceSpan;
            if (!location.IsInSource || location.SourceTree != Root.SyntaxTree || !Root.FullSpan.Contains(span))
            {
                return null;
            }

            for (var node = Root.FindNode(span, getInnermostNodeForTie: true); node != null && node.Span == span; node = node.Parent)
            {
                if (node is TNode found)
                {
                    return found;
                }
            }

            return null;
        }
    }
}
