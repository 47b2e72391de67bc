using System.Collections.Generic;
using AtomicWriteAnalyzer.Catalog;
using AtomicWriteAnalyzer.Contract;
using AtomicWriteAnalyzer.Infrastructure;
using AtomicWriteAnalyzer.Operations;
using AtomicWriteAnalyzer.Paths;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Rules.UnsafeHandRolledReplace
{
    /// <summary>
    /// The steps of a hand-rolled replace (a temp written, then renamed over the target) that AW0003 checks, each
    /// answered from the operations of the one body that holds both calls:
    /// was the temp flushed to disk, is its name predictable, is the target deleted first, is the temp on another
    /// file system. Every question answers "fine" when it cannot tell: a wrong warning is worse than none.
    /// </summary>
    internal static class ReplaceSteps
    {
        /// <summary>
        /// How the temp written by <paramref name="write"/> reaches the disk before <paramref name="rename"/>: null when
        /// it does (<c>FileOptions.WriteThrough</c>, a <c>Flush(true)</c> or an fsync in between), else the weak flush
        /// seen in between (<c>FlushAsync()</c>, <c>Flush()</c>) or the empty string when there is none.
        /// </summary>
        public static string? MissingFlush(ApiCall write, IOperation rename)
        {
            if (write.Arguments.WriteThrough)
            {
                return null;
            }

            int start = write.Operation.Syntax.SpanStart;
            int end = rename.Syntax.SpanStart;
            string weak = "";
            foreach (var operation in BodyIndex.Of(write.Operation).InvocationsBetween(start, end))
            {
                if (!(operation is IInvocationOperation invocation) || invocation.TargetMethod == null)
                {
                    continue;
                }

                int position = invocation.Syntax.SpanStart;
                if (position <= start || position >= end)
                {
                    continue;
                }

                switch (invocation.TargetMethod.Name)
                {
                    case "Flush":
                        var argument = invocation.Arguments.Length == 1 ? invocation.Arguments[0] : null;
                        if (argument != null && OperationHelpers.ConstantBool(argument.Value) == true)
                        {
                            return null;
                        }

                        if (weak.Length == 0)
                        {
                            weak = argument != null && OperationHelpers.IsExplicit(argument) ? "Flush(false)" : "Flush()";
                        }

                        break;
                    case "FlushAsync":
                        weak = "FlushAsync()";
                        break;

                    // RandomAccess.FlushToDisk and P/Invoked fsync/FlushFileBuffers reach the disk too.
                    case "FlushToDisk":
                    case "fsync":
                    case "fdatasync":
                    case "FlushFileBuffers":
                        return null;
                }
            }

            return weak;
        }

        /// <summary>
        /// Whether the temp's name is predictable: built only from constants, fixed folders (<c>Path.GetTempPath()</c>,
        /// special folders) and parts of the target's own path (<c>path + ".tmp"</c>, <c>$"{path}.tmp"</c>,
        /// <c>Path.ChangeExtension(path, ".tmp")</c>, a constant path). Anything else (a random name, a GUID, a
        /// parameter) makes it unpredictable as far as we can tell.
        /// </summary>
        public static bool IsPredictable(IOperation temp, IOperation target, IPathFacts facts)
        {
            var tempLeaves = new List<IOperation>();
            var targetParts = new List<IOperation>();
            if (!PathParts.CollectLeaves(temp, facts, 0, tempLeaves, new List<IOperation>()) || !PathParts.CollectLeaves(target, facts, 0, new List<IOperation>(), targetParts))
            {
                return false;
            }

            foreach (var leaf in tempLeaves)
            {
                bool fromTarget = false;
                for (int i = 0; i < targetParts.Count && !fromTarget; i++)
                {
                    fromTarget = PathKeys.SamePath(leaf, targetParts[i], facts);
                }

                if (!fromTarget)
                {
                    return false;
                }
            }

            return !PathKeys.SamePath(temp, target, facts);
        }

        /// <summary>
        /// Whether the rename moves a file away rather than replacing its target with it: the target is computed from
        /// the source (<c>log + ".1"</c>, <c>Path.Combine(archive, Path.GetFileName(path))</c>), as in log rotation or
        /// archiving. A replace goes the other way: the temp is named after the target.
        /// </summary>
        public static bool IsMoveAway(IOperation source, IOperation target, IPathFacts facts)
        {
            var targetParts = new List<IOperation>();
            if (!PathParts.CollectLeaves(target, facts, 0, new List<IOperation>(), targetParts))
            {
                return false;
            }

            foreach (var part in targetParts)
            {
                if (PathKeys.SamePath(part, source, facts))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The <c>File.Delete(target)</c> (or <c>FileInfo.Delete()</c> of the target) calls before the rename, outside catch
        /// clauses: each leaves a window in which the file does not exist.
        /// </summary>
        public static List<IInvocationOperation> DeletesOfTarget(ApiCall rename, AnalyzerCompilationContext context, IPathFacts facts) =>
            DeletesOfTarget(rename, context, facts, inCatchToo: false);

        /// <summary>
        /// The deletes of the target before the rename; <paramref name="inCatchToo"/> also counts those in catch
        /// clauses (a restore in a catch still replaces the file it deletes).
        /// </summary>
        public static List<IInvocationOperation> DeletesOfTarget(ApiCall rename, AnalyzerCompilationContext context, IPathFacts facts, bool inCatchToo)
        {
            var deletes = new List<IInvocationOperation>();
            if (rename.Target == null)
            {
                return deletes;
            }

            int end = rename.Operation.Syntax.SpanStart;
            foreach (var operation in BodyIndex.Of(rename.Operation).InvocationsNamed("Delete"))
            {
                if (!(operation is IInvocationOperation invocation) || invocation.TargetMethod?.Name != "Delete"
                    || invocation.Syntax.SpanStart >= end || (!inCatchToo && IsInCatch(invocation)))
                {
                    continue;
                }

                var deleted = DeletedPath(invocation, context);
                if (deleted != null && PathKeys.SamePath(deleted, rename.Target, facts))
                {
                    deletes.Add(invocation);
                }
            }

            return deletes;
        }

        /// <summary>
        /// Whether the rename can only create its target: a move without <c>overwrite: true</c> throws when the target
        /// exists, so with no delete of the target before it, no existing file is ever replaced (a download or a new
        /// file moved into place).
        /// </summary>
        public static bool OnlyCreatesTarget(ApiCall rename, List<IInvocationOperation> deletes)
        {
            var shape = rename.Entry.Shape;
            if ((shape != CallShape.FileMove && shape != CallShape.FileInfoMoveTo) || deletes.Count > 0)
            {
                return false;
            }

            var overwrite = OperationHelpers.ArgumentValue(rename.Operation, "overwrite");
            return overwrite == null || OperationHelpers.ConstantBool(overwrite) == false;
        }

        /// <summary>
        /// Whether the rename's body moves the target away before it (<c>File.Move(path, path + ".old")</c>): then the move
        /// that follows replaces the file as a delete would have let it.
        /// </summary>
        public static bool MovesTargetAwayFirst(ApiCall rename, IPathFacts facts)
        {
            if (rename.Target == null)
            {
                return false;
            }

            int end = rename.Operation.Syntax.SpanStart;
            foreach (var name in new[] { "Move", "MoveTo" })
            {
                foreach (var invocation in BodyIndex.Of(rename.Operation).InvocationsNamed(name))
                {
                    if (invocation.Syntax.SpanStart >= end || invocation == rename.Operation)
                    {
                        continue;
                    }

                    var source = name == "Move" ? OperationHelpers.ArgumentValue(invocation, "sourceFileName") : OperationHelpers.Unwrap(invocation.Instance);
                    if (source != null && PathKeys.SamePath(source, rename.Target, facts))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The file a <c>Delete</c> call removes: <c>File.Delete(path)</c>, <c>IFile.Delete(path)</c>, <c>fileInfo.Delete()</c>.</summary>
        public static IOperation? DeletedPath(IInvocationOperation invocation, AnalyzerCompilationContext context)
        {
            var type = invocation.TargetMethod.ContainingType;
            if (type == null)
            {
                return null;
            }

            if (context.IsType(type, "System.IO.File") || ApiCatalog.IsAbstractionOf(type, "System.IO.File"))
            {
                return OperationHelpers.ArgumentValue(invocation, "path");
            }

            if (context.IsType(type, "System.IO.FileInfo") || context.IsType(type, "System.IO.FileSystemInfo") || ApiCatalog.IsAbstractionOf(type, "System.IO.FileInfo"))
            {
                return OperationHelpers.Unwrap(invocation.Instance);
            }

            return null;
        }

        private static bool IsInCatch(IOperation operation)
        {
            for (var current = operation.Parent; current != null; current = current.Parent)
            {
                if (current is ICatchClauseOperation)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
