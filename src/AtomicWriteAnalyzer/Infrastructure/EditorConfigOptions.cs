using System.Collections.Immutable;

namespace AtomicWriteAnalyzer.Infrastructure
{
    /// <summary>
    /// The <c>atomic_write.*</c> options in force for one syntax tree (from <c>.editorconfig</c>; not the runtime's
    /// <c>AtomicWrite.EditorConfigOptions</c>).
    /// </summary>
    internal sealed class EditorConfigOptions
    {
        public static readonly EditorConfigOptions Default = new EditorConfigOptions(ImmutableArray<Glob>.Empty, ImmutableArray<Glob>.Empty, scopeAll: false);

        public EditorConfigOptions(ImmutableArray<Glob> sensitivePaths, ImmutableArray<Glob> ignoredPaths, bool scopeAll)
        {
            SensitivePaths = sensitivePaths;
            IgnoredPaths = ignoredPaths;
            ScopeAll = scopeAll;
        }

        /// <summary><c>atomic_write.sensitive_paths</c>: more globs whose files count as sensitive.</summary>
        public ImmutableArray<Glob> SensitivePaths { get; }

        /// <summary><c>atomic_write.ignored_paths</c>: globs whose files are never flagged.</summary>
        public ImmutableArray<Glob> IgnoredPaths { get; }

        /// <summary><c>atomic_write.scope = all</c>: flag every in-place overwrite, sensitive or not.</summary>
        public bool ScopeAll { get; }
    }
}
