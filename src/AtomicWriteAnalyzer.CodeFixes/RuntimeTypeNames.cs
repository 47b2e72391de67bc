using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace AtomicWriteAnalyzer.CodeFixes
{
    /// <summary>
    /// Syntax for the runtime types the fixes rewrite to. Names are written fully qualified and annotated, so the
    /// code-action cleanup simplifies them and adds <c>using AtomicWrite;</c> in the file's own style.
    /// The fixes never reference AtomicWrite.dll: the names are the contract.
    /// </summary>
    internal static class RuntimeTypeNames
    {
        public const string Namespace = "AtomicWrite";
        public const string AtomicFile = "AtomicWrite.AtomicFile";

        public static TypeSyntax AtomicFileType() => Qualified(AtomicFile);

        private static TypeSyntax Qualified(string fullName) =>
            SyntaxFactory.ParseTypeName("global::" + fullName)
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
    }
}
