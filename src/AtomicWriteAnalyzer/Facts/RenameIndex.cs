using System;
using System.Collections.Generic;
using AtomicWriteAnalyzer.Catalog;
using AtomicWriteAnalyzer.Contract;
using AtomicWriteAnalyzer.Operations;
using AtomicWriteAnalyzer.Paths;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Facts
{
    /// <summary>
    /// Pairs a write with the rename that publishes it (<c>File.Move</c>, <c>File.Replace</c>, <c>FileInfo.MoveTo</c>,
    /// <c>FileInfo.Replace</c>, later in the same body, whose source is the written file): such a write is the temp of a
    /// hand-rolled replace, not an in-place overwrite. The renames of each body are grouped once by their source's
    /// <see cref="PathKeys"/> key, so a write looks its rename up instead of being compared with every rename
    /// (quadratic in a body with thousands). A replace may also be split across members of the type: the temp written
    /// in one, then a call (up to two deep) to a member of the same type that renames it — <c>Save()</c> writes
    /// <c>TempFilePath</c> and calls <c>PublishTemp()</c>, which moves <c>TempFilePath</c> over the file, or passes it
    /// to a move helper as an argument. Only paths held by members (fields, properties, constants) pair this way: a
    /// local or a parameter means something else in another body.
    /// </summary>
    internal sealed class RenameIndex
    {
        private const int MaxCallDepth = 2;

        private readonly IPathFacts _facts;
        private readonly INamedTypeSymbol _type;
        private readonly Func<ISymbol, IOperation?> _bodyOf;
        private readonly Dictionary<IOperation, List<ApiCall>> _byBody = new Dictionary<IOperation, List<ApiCall>>();
        private readonly Dictionary<IOperation, Dictionary<string, List<ApiCall>>> _byKey = new Dictionary<IOperation, Dictionary<string, List<ApiCall>>>();
        private readonly Dictionary<ISymbol, List<ApiCall>> _byMember = new Dictionary<ISymbol, List<ApiCall>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<IOperation, IInvocationOperation> _callSites = new Dictionary<IOperation, IInvocationOperation>();
        private readonly Dictionary<IOperation, List<IInvocationOperation>> _renamingCalls = new Dictionary<IOperation, List<IInvocationOperation>>();
        private readonly Dictionary<ISymbol, bool> _reachesRename = new Dictionary<ISymbol, bool>(SymbolEqualityComparer.Default);

        public RenameIndex(IReadOnlyList<FileCall> calls, IPathFacts facts, INamedTypeSymbol type, Func<ISymbol, IOperation?> bodyOf)
        {
            _facts = facts;
            _type = type;
            _bodyOf = bodyOf;
            foreach (var call in calls)
            {
                if (call.Call.Effect != FileEffect.Rename)
                {
                    continue;
                }

                var member = call.ContainingSymbol.OriginalDefinition;
                if (!_byMember.TryGetValue(member, out var ofMember))
                {
                    ofMember = new List<ApiCall>();
                    _byMember.Add(member, ofMember);
                }

                ofMember.Add(call.Call);

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

            string key = PathKeys.KeyOf(write.Path, _facts);
            var byKey = KeysOfBody(OperationHelpers.Root(write.Operation));
            if (byKey.TryGetValue(key, out var candidates))
            {
                int writeStart = write.Operation.Syntax.SpanStart;
                foreach (var rename in candidates)
                {
                    if (rename.Operation.Syntax.SpanStart > writeStart)
                    {
                        return rename;
                    }
                }
            }

            return RenameThroughCall(write, key);
        }

        /// <summary>
        /// The call in the write's body through which a rename in another member publishes the write, or null when the
        /// rename is in the write's own body (or there is none).
        /// </summary>
        public IInvocationOperation? CallSiteOf(ApiCall write) => _callSites.TryGetValue(write.Operation, out var site) ? site : null;

        private ApiCall? RenameThroughCall(ApiCall write, string key)
        {
            if (_byMember.Count == 0 || PathKeys.IsBodyBound(key))
            {
                return null;
            }

            int writeEnd = write.Operation.Syntax.Span.End;
            foreach (var invocation in CallsThatMayRename(OperationHelpers.Root(write.Operation)))
            {
                if (invocation.Syntax.SpanStart < writeEnd)
                {
                    continue;
                }

                var rename = Search(invocation, key, 1);
                if (rename != null)
                {
                    _callSites[write.Operation] = invocation;
                    return rename;
                }
            }

            return null;
        }

        /// <summary>
        /// The calls of a body to members of this type that rename something, themselves or through a member they call:
        /// found once per body, so that a body with thousands of writes does not look through its calls for each.
        /// </summary>
        private List<IInvocationOperation> CallsThatMayRename(IOperation root)
        {
            if (_renamingCalls.TryGetValue(root, out var calls))
            {
                return calls;
            }

            calls = new List<IInvocationOperation>();
            foreach (var invocation in BodyIndex.Of(root).InvocationsBetween(-1, int.MaxValue))
            {
                var method = invocation.TargetMethod?.OriginalDefinition;
                if (method != null && SymbolEqualityComparer.Default.Equals(method.ContainingType, _type.OriginalDefinition) && ReachesRename(method))
                {
                    calls.Add(invocation);
                }
            }

            _renamingCalls.Add(root, calls);
            return calls;
        }

        /// <summary>Whether the member renames a file, or calls a member of this type that does (the two levels <see cref="Search"/> follows).</summary>
        private bool ReachesRename(ISymbol method)
        {
            if (_byMember.ContainsKey(method))
            {
                return true;
            }

            if (_reachesRename.TryGetValue(method, out bool known))
            {
                return known;
            }

            bool reaches = false;
            var body = _bodyOf(method);
            if (body != null)
            {
                foreach (var inner in BodyIndex.Of(body).InvocationsBetween(-1, int.MaxValue))
                {
                    var callee = inner.TargetMethod?.OriginalDefinition;
                    if (callee != null && _byMember.ContainsKey(callee))
                    {
                        reaches = true;
                        break;
                    }
                }
            }

            _reachesRename.Add(method, reaches);
            return reaches;
        }

        /// <summary>A rename of the path with <paramref name="key"/> in the member <paramref name="invocation"/> calls, or in a member it calls.</summary>
        private ApiCall? Search(IInvocationOperation invocation, string key, int depth)
        {
            var method = invocation.TargetMethod?.OriginalDefinition;
            if (method == null || !SymbolEqualityComparer.Default.Equals(method.ContainingType, _type.OriginalDefinition))
            {
                return null;
            }

            // The parameter the path is passed to: a move of that parameter in the callee moves the path.
            string? parameterKey = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter != null && argument.ArgumentKind != ArgumentKind.DefaultValue && PathKeys.KeyOf(argument.Value, _facts) == key)
                {
                    parameterKey = "parameter:" + argument.Parameter.Name;
                    break;
                }
            }

            ApiCall? found = null;
            if (_byMember.TryGetValue(method, out var renames))
            {
                foreach (var rename in renames)
                {
                    string renamed = rename.Path == null ? "?" : PathKeys.KeyOf(rename.Path, _facts);
                    if ((renamed == key || renamed == parameterKey) && (found == null || (Replaces(rename) && !Replaces(found))))
                    {
                        found = rename;
                    }
                }
            }

            var body = found == null && depth < MaxCallDepth ? _bodyOf(method) : null;
            if (body == null)
            {
                return found;
            }

            foreach (var inner in BodyIndex.Of(body).InvocationsBetween(-1, int.MaxValue))
            {
                var deeper = Search(inner, key, depth + 1) ?? (parameterKey != null ? Search(inner, parameterKey, depth + 1) : null);
                if (deeper != null)
                {
                    return deeper;
                }
            }

            return null;
        }

        /// <summary>A rename that replaces an existing target (<c>File.Replace</c>, a move with <c>overwrite</c>), preferred over a create-only move beside it.</summary>
        private static bool Replaces(ApiCall rename) =>
            rename.Entry.Shape == CallShape.FileReplace || rename.Entry.Shape == CallShape.FileInfoReplace
            || OperationHelpers.ConstantBool(OperationHelpers.ArgumentValue(rename.Operation, "overwrite")) == true;

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
