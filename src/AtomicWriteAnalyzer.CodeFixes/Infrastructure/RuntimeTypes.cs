using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace AtomicWriteAnalyzer.CodeFixes.Infrastructure
{
    /// <summary>
    /// The runtime types the fixes rewrite to, resolved in the document's compilation. The fixes never reference
    /// AtomicWrite.dll: the names are the contract. A project that does not reference the runtime gets no fix, since
    /// the rewritten code would not compile.
    /// </summary>
    internal sealed class RuntimeTypes
    {
        public const string Namespace = "AtomicWrite";
        public const string AtomicFileName = Namespace + ".AtomicFile";
        public const string AtomicFileStreamName = Namespace + ".AtomicFileStream";
        public const string AtomicStreamWriterName = Namespace + ".AtomicStreamWriter";

        private RuntimeTypes(INamedTypeSymbol atomicFile, INamedTypeSymbol? atomicFileStream, INamedTypeSymbol? atomicStreamWriter)
        {
            AtomicFile = atomicFile;
            AtomicFileStream = atomicFileStream;
            AtomicStreamWriter = atomicStreamWriter;
        }

        public INamedTypeSymbol AtomicFile { get; }

        public INamedTypeSymbol? AtomicFileStream { get; }

        public INamedTypeSymbol? AtomicStreamWriter { get; }

        /// <summary>The runtime types, or null when the compilation has no usable <c>AtomicWrite.AtomicFile</c>.</summary>
        public static RuntimeTypes? Resolve(Compilation compilation)
        {
            var atomicFile = compilation.GetTypeByMetadataName(AtomicFileName);
            if (atomicFile == null || atomicFile.DeclaredAccessibility != Accessibility.Public)
            {
                return null;
            }

            return new RuntimeTypes(
                atomicFile,
                compilation.GetTypeByMetadataName(AtomicFileStreamName),
                compilation.GetTypeByMetadataName(AtomicStreamWriterName));
        }

        /// <summary>
        /// The type written fully qualified and annotated: the code-action cleanup adds <c>using AtomicWrite;</c> in
        /// the file's own style (placement and sorting from .editorconfig) and simplifies the name. Roslyn 4.8's
        /// <c>TypeExpression(type, addImport: true)</c> attaches only the symbol; the cleanup looks for the symbol under
        /// <see cref="Simplifier.AddImportsAnnotation"/>, so both annotations are added here.
        /// </summary>
        public static TypeSyntax TypeSyntax(SyntaxGenerator generator, ITypeSymbol type) =>
            ((TypeSyntax)generator.TypeExpression(type, addImport: true)).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

        /// <summary>
        /// The same, as the receiver of a static call (<c>AtomicFile.WriteAllText</c>): a member access, as the parser
        /// would produce it, so that a name the simplifier must leave qualified is still ordinary syntax.
        /// </summary>
        public static ExpressionSyntax StaticReceiver(SyntaxGenerator generator, INamedTypeSymbol type)
        {
            var annotated = TypeSyntax(generator, type);
            var expression = SyntaxFactory.ParseExpression("global::" + type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted)));
            return annotated.CopyAnnotationsTo(expression)!;
        }
    }
}
