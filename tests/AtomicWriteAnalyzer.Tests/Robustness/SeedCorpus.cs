using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using AtomicWriteAnalyzer.Tests.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AtomicWriteAnalyzer.Tests.Robustness
{
    /// <summary>One C# file the fuzzer starts from, and where it came from.</summary>
    internal sealed class Seed
    {
        public Seed(string origin, string source)
        {
            Origin = origin;
            Source = source;
        }

        /// <summary>The file (and line) the seed was taken from.</summary>
        public string Origin { get; }

        public string Source { get; }
    }

    /// <summary>
    /// The code the fuzzer mutates, taken from this repository rather than written for the fuzzer: the C# embedded in
    /// the analyzer tests (every string constant of the test sources, markup removed, that parses as C# and uses files
    /// or streams), the realistic files of <c>ValidCode/</c>, and <c>samples/TokenStore</c>. Test strings are found by
    /// binding the test sources with Roslyn, so that tables built by concatenation (<c>Predictable + "..."</c>) count
    /// as the code they compile to. Statements are wrapped in a method, members in a class, as the tests wrap them.
    /// </summary>
    internal static class SeedCorpus
    {
        private static readonly Lazy<IReadOnlyList<Seed>> Shared = new Lazy<IReadOnlyList<Seed>>(Load);

        /// <summary><c>{|AW0001:</c>, <c>{|#0:</c>, <c>|}</c>, <c>[|</c>, <c>|]</c> and the <c>$$</c> caret of the testing library's markup.</summary>
        private static readonly Regex Markup = new Regex(@"\{\|[^:|{}]*:|\|\}|\[\||\|\]", RegexOptions.CultureInvariant);

        private static readonly Regex UsesFiles = new Regex(@"\b(File|FileInfo|FileStream|Stream|StreamWriter|StreamReader|AtomicFile|XDocument|XmlDocument|IFileSystem)\b", RegexOptions.CultureInvariant);

        private static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);

        public static IReadOnlyList<Seed> All => Shared.Value;

        private static IReadOnlyList<Seed> Load()
        {
            var seeds = new List<Seed>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            void Add(string origin, string source)
            {
                if (seen.Add(source))
                {
                    seeds.Add(new Seed(origin, source));
                }
            }

            foreach (var (origin, text) in TestStrings())
            {
                string? source = AsCompilationUnit(Markup.Replace(text, "").Replace("$$", ""));
                if (source != null)
                {
                    Add(origin, source);
                }
            }

            foreach (string file in SortedFiles(RepositoryPaths.Combine("tests", "AtomicWriteAnalyzer.Tests", "ValidCode"))
                .Where(f => Path.GetFileName(f) != "ValidCodeTests.cs"))
            {
                Add(Relative(file), File.ReadAllText(file));
            }

            foreach (string file in SortedFiles(RepositoryPaths.Combine("samples", "TokenStore")))
            {
                Add(Relative(file), File.ReadAllText(file));
            }

            return seeds;
        }

        /// <summary>The value of every outermost string constant in the test sources, with its file and line.</summary>
        private static IEnumerable<(string Origin, string Text)> TestStrings()
        {
            string root = RepositoryPaths.Combine("tests", "AtomicWriteAnalyzer.Tests");
            var trees = SortedFiles(root)
                .Where(f => !IsBuildOutput(root, f))
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), ParseOptions, path: Relative(f)))
                .ToList();

            // Constant folding needs only the BCL: unresolved test attributes do not stop `const string` arithmetic.
            var references = TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult();
            var compilation = CSharpCompilation.Create("TestSources", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            foreach (var tree in trees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var expression in tree.GetRoot().DescendantNodes().OfType<ExpressionSyntax>())
                {
                    if (!IsStringExpression(expression) || (expression.Parent is ExpressionSyntax parent && IsStringExpression(parent) && model.GetConstantValue(parent).Value is string))
                    {
                        continue;
                    }

                    if (model.GetConstantValue(expression).Value is string text && UsesFiles.IsMatch(text))
                    {
                        yield return (tree.FilePath + ":" + (expression.GetLocation().GetLineSpan().StartLinePosition.Line + 1), text);
                    }
                }
            }
        }

        private static bool IsStringExpression(ExpressionSyntax expression) =>
            expression is LiteralExpressionSyntax || expression is BinaryExpressionSyntax || expression is ParenthesizedExpressionSyntax
            || expression is InterpolatedStringExpressionSyntax || expression is IdentifierNameSyntax || expression is MemberAccessExpressionSyntax;

        /// <summary>
        /// The text as a whole file: as it is when it declares types (with the tests' usings added when it has none),
        /// else wrapped as the body of a method, else as members of a class. Null when it is not C# in any of these forms.
        /// </summary>
        private static string? AsCompilationUnit(string text)
        {
            if (text.IndexOf("IFileSystem", StringComparison.Ordinal) >= 0 && text.IndexOf("interface IFileSystem", StringComparison.Ordinal) < 0)
            {
                text += Snippet.FileSystemAbstractions;
            }

            var unit = SyntaxFactory.ParseCompilationUnit(text, options: ParseOptions);
            if (!HasErrors(unit) && unit.Members.Any(m => m is BaseNamespaceDeclarationSyntax || m is BaseTypeDeclarationSyntax))
            {
                return unit.Usings.Count > 0 ? text : Snippet.Usings + text;
            }

            foreach (string wrapped in new[] { Snippet.Body(text), Snippet.Members(text) })
            {
                if (!HasErrors(SyntaxFactory.ParseCompilationUnit(wrapped, options: ParseOptions)))
                {
                    return wrapped;
                }
            }

            return null;
        }

        private static bool HasErrors(SyntaxNode node) => node.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);

        private static IEnumerable<string> SortedFiles(string folder) =>
            Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal);

        private static bool IsBuildOutput(string root, string file)
        {
            string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal);
        }

        private static string Relative(string file) => Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/');
    }
}
