using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AtomicWriteAnalyzer.Infrastructure
{
    /// <summary>
    /// Reads the <c>atomic_write.*</c> keys: from the syntax tree's <c>.editorconfig</c> sections first, then from
    /// the global options (<c>.globalconfig</c>). Lists are comma-separated, because <c>;</c> starts a comment in
    /// <c>.editorconfig</c>. Parsed once per distinct set of values and cached per tree.
    /// </summary>
    internal sealed class AnalyzerOptionsReader
    {
        public const string SensitivePathsKey = "atomic_write.sensitive_paths";
        public const string IgnoredPathsKey = "atomic_write.ignored_paths";
        public const string ScopeKey = "atomic_write.scope";
        public const string IncludeTestsKey = "atomic_write.include_tests";

        /// <summary>MSBuild's <c>IsTestProject</c>, visible to analyzers through the package's <c>CompilerVisibleProperty</c>.</summary>
        public const string IsTestProjectKey = "build_property.IsTestProject";

        private readonly AnalyzerConfigOptionsProvider _provider;
        private readonly ConcurrentDictionary<SyntaxTree, EditorConfigOptions> _byTree = new ConcurrentDictionary<SyntaxTree, EditorConfigOptions>();
        private readonly ConcurrentDictionary<string, ImmutableArray<Glob>> _globLists = new ConcurrentDictionary<string, ImmutableArray<Glob>>(StringComparer.Ordinal);

        public AnalyzerOptionsReader(AnalyzerOptions options)
        {
            _provider = options.AnalyzerConfigOptionsProvider;
        }

        /// <summary>
        /// <c>atomic_write.include_tests = true</c>: test code is reported like any other. Read from the global options
        /// only (a <c>.globalconfig</c>): it decides for the whole compilation, not per file.
        /// </summary>
        public bool IncludeTests => GlobalFlag(IncludeTestsKey);

        /// <summary><c>IsTestProject</c> is true for the project being compiled.</summary>
        public bool IsTestProject => GlobalFlag(IsTestProjectKey);

        public EditorConfigOptions For(SyntaxTree? tree)
        {
            if (tree == null)
            {
                return Read(null);
            }

            return _byTree.GetOrAdd(tree, t => Read(t));
        }

        private EditorConfigOptions Read(SyntaxTree? tree)
        {
            string? sensitive = Lookup(tree, SensitivePathsKey);
            string? ignored = Lookup(tree, IgnoredPathsKey);
            string? scope = Lookup(tree, ScopeKey);
            if (sensitive == null && ignored == null && scope == null)
            {
                return EditorConfigOptions.Default;
            }

            return new EditorConfigOptions(
                ParseGlobs(sensitive),
                ParseGlobs(ignored),
                string.Equals(scope?.Trim(), "all", StringComparison.OrdinalIgnoreCase));
        }

        private string? Lookup(SyntaxTree? tree, string key)
        {
            if (tree != null && _provider.GetOptions(tree).TryGetValue(key, out string? value) && value != null)
            {
                return value;
            }

            return _provider.GlobalOptions.TryGetValue(key, out string? global) ? global : null;
        }

        private bool GlobalFlag(string key) =>
            _provider.GlobalOptions.TryGetValue(key, out string? value)
            && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        private ImmutableArray<Glob> ParseGlobs(string? list)
        {
            if (string.IsNullOrWhiteSpace(list))
            {
                return ImmutableArray<Glob>.Empty;
            }

            return _globLists.GetOrAdd(list!, text =>
            {
                var globs = new List<Glob>();
                foreach (string part in text.Split(','))
                {
                    var glob = Glob.TryCreate(part);
                    if (glob != null)
                    {
                        globs.Add(glob);
                    }
                }

                return globs.ToImmutableArray();
            });
        }
    }
}
