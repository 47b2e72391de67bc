namespace AtomicWriteAnalyzer.Tests.Robustness
{
    /// <summary>The ways code breaks while it is typed, or is written to trip a tracer.</summary>
    internal enum MutationKind
    {
        /// <summary>One token removed.</summary>
        DeleteToken,

        /// <summary>The file cut at a multiple of <see cref="Mutations.CutStep"/> characters, as if the rest was not typed yet.</summary>
        Cut,

        /// <summary>One line pasted twice.</summary>
        DuplicateLine,

        /// <summary>Two identifiers exchanged (a local for a field, a type for a method...).</summary>
        SwapIdentifiers,

        /// <summary>A brace, parenthesis or bracket added or removed.</summary>
        UnbalanceBrackets,

        /// <summary>A token typed where it does not belong (<c>null</c>, <c>=&gt;</c>, <c>?.</c>, a half call...).</summary>
        InsertToken,

        /// <summary>Consts, fields, properties and methods that refer to each other in cycles, used as a file call's path.</summary>
        MemberCycles,

        /// <summary>Locals assigned from each other (<c>a = b; b = a;</c>), used as a file call's path.</summary>
        LocalCycles,

        /// <summary>A file, stream or rename call half edited: an argument dropped, swapped, replaced or named wrongly.</summary>
        BreakFileCall,

        /// <summary>The file cut inside a file, stream or rename call, as if it was being typed.</summary>
        CutInFileCall,

        /// <summary>
        /// A statement that calls a file API moved into another construct (an embedded statement without braces, a loop,
        /// a switch section, a lambda, a local function, a try, an inactive <c>#if</c>), where code fixes must insert
        /// and remove statements.
        /// </summary>
        WrapStatement,
    }
}
