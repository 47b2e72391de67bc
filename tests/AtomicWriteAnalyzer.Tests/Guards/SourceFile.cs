using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AtomicWriteAnalyzer.Tests.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AtomicWriteAnalyzer.Tests.Guards
{
    /// <summary>A source file of the repository (or a broken one a guard test makes up), parsed once.</summary>
    internal sealed class SourceFile
    {
        public SourceFile(string path, string text)
        {
            Path = path.Replace('\\', '/');
            Tree = CSharpSyntaxTree.ParseText(text, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), Path);
        }

        /// <summary>Relative to the repository root, with '/' separators: <c>src/AtomicWriteAnalyzer/Rules/TypeRule.cs</c>.</summary>
        public string Path { get; }

        public SyntaxTree Tree { get; }

        public override string ToString() => Path;

        /// <summary>Every .cs file under <paramref name="folders"/> (relative to the repository root), build output excluded.</summary>
        public static IReadOnlyList<SourceFile> Under(params string[] folders) =>
            folders
                .SelectMany(folder => Directory.EnumerateFiles(RepositoryPaths.Combine(folder), "*.cs", SearchOption.AllDirectories))
                .Select(file => System.IO.Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/'))
                .Where(relative => !relative.Contains("/obj/", StringComparison.Ordinal) && !relative.Contains("/bin/", StringComparison.Ordinal))
                .OrderBy(relative => relative, StringComparer.Ordinal)
                .Select(relative => new SourceFile(relative, File.ReadAllText(RepositoryPaths.Combine(relative))))
                .ToList();
    }
}
