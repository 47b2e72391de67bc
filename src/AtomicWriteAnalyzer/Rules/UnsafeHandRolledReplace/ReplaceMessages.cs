using System;
using System.Linq;
using AtomicWriteAnalyzer.Contract;
using Microsoft.CodeAnalysis;

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
                "the target is deleted before the move, so a crash in between leaves no file at all; " + detail,
            ReplaceProblem.CrossFileSystem =>
                "the temporary file comes from " + detail + ", which can be on another file system, where the move is a copy and not an atomic rename; create it in the target's folder",
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        /// <summary>
        /// How to replace the target without deleting it first, with what the compilation has: <c>File.Move</c> with
        /// <c>overwrite</c> exists from .NET Core 3.0, not in netstandard2.0 or .NET Framework, where
        /// <c>File.Replace</c> (an existing target only) or <c>AtomicFile</c> (when referenced) is the way. Asked of
        /// the rename's own type (<c>File</c>, <c>FileInfo</c>, an <c>IFile</c> abstraction), so no type is looked up by
        /// name; computed only for a replace that deletes its target, which is rare.
        /// </summary>
        public static string OverwritingMove(IMethodSymbol rename, Compilation compilation)
        {
            var type = rename.ContainingType;
            bool canOverwrite = type != null && (type.Name == "FileInfo"
                ? type.GetMembers("MoveTo").OfType<IMethodSymbol>().Any(m => m.Parameters.Length == 2 && m.Parameters[1].Type.SpecialType == SpecialType.System_Boolean)
                : type.GetMembers("Move").OfType<IMethodSymbol>().Any(m => m.Parameters.Length == 3 && m.Parameters[2].Type.SpecialType == SpecialType.System_Boolean));
            if (canOverwrite)
            {
                return "move over it with File.Move(temp, target, overwrite: true)";
            }

            const string replace = "File.Move cannot overwrite in this framework, so replace an existing target with File.Replace(temp, target, null)";
            return HasAtomicFile(compilation) ? replace + ", or save with AtomicFile, which replaces in one rename" : replace;
        }

        // The top-level namespaces of the compilation only, then one namespace's types.
        private static bool HasAtomicFile(Compilation compilation) =>
            compilation.GlobalNamespace.GetNamespaceMembers().Any(ns => ns.Name == "AtomicWrite" && !ns.GetTypeMembers("AtomicFile").IsEmpty);
    }
}
