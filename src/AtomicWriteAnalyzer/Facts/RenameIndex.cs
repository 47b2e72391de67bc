using System;
using System.Collections.Generic;
using AtomicWriteAnalyzer.Catalog;
using AtomicWriteAnalyzer.Operations;
using AtomicWriteAnalyzer.Paths;
using Microsoft.CodeAnalysis;

namespace AtomicWriteAnalyzer.Facts
{
    /// <summary>
    /// Pairs a write with the rename that publishes it (<c>File.Move</c>, <c>File.Replace</c>, <c>FileInfo.MoveTo</c>,
    /// <c>FileInfo.Replace</c>, later in the same body, whose source is the written file): such a write is the temp of a
    /// hand-rolled replace, not an in-place overwrite. The renames of each body are grouped once by their source's
    /// <see cref="PathKeys"/> key, so a write looks its rename up instead of being compared with every rename
    /// (quadratic in a body with thousands).
    /// </summary>
    internal sealed class RenameIndex
    {
        private readonly IPathFacts _facts;
        private readonly Dictionary<IOperation, List<ApiCall>> _byBody = new Dictionary<IOperation, List<ApiCall>>();
        private readonly Dictionary<IOperation, Dictionary<string, List<ApiCall>>> _byKey = new Dictionary<IOperation, Dictionary<string, List<ApiCall>>>();

        public RenameIndex(IReadOnlyList<FileCall> calls, IPathFacts facts)
        {
            _facts = facts;
            foreach (var call in calls)
            {
                if (call.Call.Effect != FileEffect.Rename)
                {
                    continue;
                }

                var root = OperationHelpers.Root(call.Call.Operation);
                if (!_byBody.TryGetValue(root, out var list))
                {
                    list = new List<ApiCall>();
                    _byBody.Add(root, list);
                }

                list.Add(call.Call);
            }
        }

        /// <summary>The rename later in the same body whose source is the file <paramref name="write"/> writes, or null.</summary>
        public ApiCall? RenameOf(ApiCall write)
        {
            if (write.Path == null || _byBody.Count == 0)
            {
                return null;
            }

            var byKey = KeysOfBody(OperationHelpers.Root(write.Operation));
            if (byKey.Count == 0 || !byKey.TryGetValue(PathKeys.KeyOf(write.Path, _facts), out var candidates))
            {
                return null;
            }

            int writeStart = write.Operation.Syntax.SpanStart;
            foreach (var rename in candidates)
            {
                if (rename.Operation.Syntax.SpanStart > writeStart)
                {
                    return rename;
                }
            }

            return null;
        }

        private Dictionary<string, List<ApiCall>> KeysOfBody(IOperation root)
        {
            if (_byKey.TryGetValue(root, out var byKey))
            {
                return byKey;
            }

            byKey = new Dictionary<string, List<ApiCall>>(StringComparer.Ordinal);
            if (_byBody.TryGetValue(root, out var renames))
            {
                foreach (var rename in renames)
                {
                    if (rename.Path == null)
                    {
                        continue;
                    }

                    string key = PathKeys.KeyOf(rename.Path, _facts);
                    if (!byKey.TryGetValue(key, out var sameKey))
                    {
                        sameKey = new List<ApiCall>(1);
                        byKey.Add(key, sameKey);
                    }

                    sameKey.Add(rename);
                }
            }

            _byKey.Add(root, byKey);
            return byKey;
        }
    }
}
