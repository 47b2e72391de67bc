using System;
using Microsoft.CodeAnalysis.Editing;

namespace AtomicWriteAnalyzer.CodeFixes.Infrastructure
{
    /// <summary>
    /// One diagnostic's fix, decided on the original document: every precondition is checked before a plan exists,
    /// so registering a plan means the fix applies. The edits go through a shared <see cref="SyntaxEditor"/>, so the
    /// plans of one document compose in a Fix All (replacements use the callback form, which sees earlier edits).
    /// </summary>
    internal sealed class FixPlan
    {
        private readonly Action<SyntaxEditor> _apply;

        public FixPlan(string title, Action<SyntaxEditor> apply)
        {
            Title = title;
            _apply = apply;
        }

        /// <summary>What the light bulb shows: what happens, to which file ("Write 'tokens.json' atomically with AtomicFile").</summary>
        public string Title { get; }

        public void Apply(SyntaxEditor editor) => _apply(editor);
    }
}
