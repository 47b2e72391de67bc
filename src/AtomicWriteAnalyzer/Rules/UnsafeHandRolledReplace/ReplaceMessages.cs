using System;
using AtomicWriteAnalyzer.Contract;

namespace AtomicWriteAnalyzer.Rules.UnsafeHandRolledReplace
{
    /// <summary>What AW0003's message says about each missing step.</summary>
    internal static class ReplaceMessages
    {
        /// <summary>The text of a missing step, for the message.</summary>
        public static string Describe(ReplaceProblem problem, string detail) => problem switch
        {
            ReplaceProblem.NotFlushed when detail.Length > 0 =>
                "the temporary file is flushed with " + detail + ", which does not reach the disk; call Flush(true) before the rename",
            ReplaceProblem.NotFlushed =>
                "the temporary file is not flushed to disk with Flush(true) before the rename, so a power cut can leave the target empty",
            ReplaceProblem.PredictableName =>
                "the temporary name '" + detail + "' is predictable, so two writers collide on it and a planted symlink can redirect the write; use a unique name created with FileMode.CreateNew",
            ReplaceProblem.DeleteThenMove =>
                "the target is deleted before the move, so a crash in between leaves no file at all; move over it with File.Move(temp, target, overwrite: true)",
            ReplaceProblem.CrossFileSystem =>
                "the temporary file comes from " + detail + ", which can be on another file system, where the move is a copy and not an atomic rename; create it in the target's folder",
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };
    }
}
