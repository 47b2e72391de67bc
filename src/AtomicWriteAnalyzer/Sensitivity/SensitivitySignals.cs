using System;
using System.Collections.Immutable;
using AtomicWriteAnalyzer.Contract;
using AtomicWriteAnalyzer.Infrastructure;
using AtomicWriteAnalyzer.Paths;
using Microsoft.CodeAnalysis;

namespace AtomicWriteAnalyzer.Sensitivity
{
    /// <summary>
    /// Decides whether a reconstructed path is sensitive, and says why. In order:
    /// <list type="number">
    /// <item><c>atomic_write.ignored_paths</c> match: never flagged.</item>
    /// <item><c>[SensitiveFile]</c> on a holder of the path: flagged.</item>
    /// <item><c>atomic_write.sensitive_paths</c> match: flagged.</item>
    /// <item><c>atomic_write.scope = all</c>: flagged, with the best signal found as reason.</item>
    /// <item>Counter-signals win over every heuristic signal: a log or temp file, a temp/random/user-picked origin, a cache,
    /// download, export, report, output, crash or dump location (in the path, the holders' names, the writing method's name
    /// or, for cache, log, download, dump, crash and temp, the writing type's name), a script or launcher.</item>
    /// <item>Signals: a key or settings file kind (<c>.pem</c>, <c>id_rsa</c>, <c>.ini</c>...), a sensitive word in the file
    /// name, in a holder's name (<c>tokenPath</c>, <c>CredentialsFile</c>), or in a folder name.</item>
    /// </list>
    /// Words are whole words (see <see cref="WordSplitter"/>).
    /// </summary>
    internal static class SensitivitySignals
    {
        /// <summary>The runtime's attribute, matched by its full name: the analyzer does not reference the runtime.</summary>
        public const string SensitiveFileAttributeFullName = "AtomicWrite.SensitiveFileAttribute";

        /// <summary>The verdict on <paramref name="path"/>, written by a method named <paramref name="writerName"/> of type <paramref name="typeName"/>.</summary>
        public static SensitivityVerdict Evaluate(PathModel path, EditorConfigOptions options, string? writerName, string? typeName) =>
            Evaluate(path, options, writerName, typeName, evidence: null);

        /// <summary>
        /// The verdict on <paramref name="path"/>; when the path itself has no signal (and no counter-signal), the
        /// <paramref name="evidence"/> about the write is asked for and weighed (<see cref="EvidenceSignals.FromEvidence"/>).
        /// </summary>
        public static SensitivityVerdict Evaluate(PathModel path, EditorConfigOptions options, string? writerName, string? typeName, Func<WriteEvidence>? evidence)
        {
            foreach (string text in path.Texts)
            {
                foreach (var glob in options.IgnoredPaths)
                {
                    if (glob.IsMatch(text))
                    {
                        return new SensitivityVerdict(false, SignalKind.IgnoredPathsOption, "matches atomic_write.ignored_paths '" + glob.Pattern + "'");
                    }
                }
            }

            foreach (var holder in path.Holders)
            {
                if (IsMarkedSensitive(holder.Symbol))
                {
                    return new SensitivityVerdict(true, SignalKind.SensitiveFileAttribute, "'" + holder.Name + "' is marked [SensitiveFile]");
                }
            }

            foreach (string text in path.Texts)
            {
                foreach (var glob in options.SensitivePaths)
                {
                    if (glob.IsMatch(text))
                    {
                        return new SensitivityVerdict(true, SignalKind.SensitivePathsOption, "matches atomic_write.sensitive_paths '" + glob.Pattern + "'");
                    }
                }
            }

            var signal = PathSignals.FindSignal(path);
            if (options.ScopeAll)
            {
                return signal.IsSensitive ? signal : new SensitivityVerdict(true, SignalKind.ScopeAll, "atomic_write.scope = all");
            }

            string? counter = CounterSignals.FindCounterSignal(path, writerName, typeName);
            if (counter != null)
            {
                return new SensitivityVerdict(false, SignalKind.CounterSignal, counter);
            }

            if (signal.IsSensitive || evidence == null)
            {
                return signal;
            }

            return EvidenceSignals.FromEvidence(evidence());
        }

        /// <summary>Whether the symbol (or a getter's property, or a method's return) carries <c>[AtomicWrite.SensitiveFile]</c>.</summary>
        public static bool IsMarkedSensitive(ISymbol? symbol)
        {
            if (symbol == null)
            {
                return false;
            }

            if (HasAttribute(symbol.GetAttributes()))
            {
                return true;
            }

            return symbol is IMethodSymbol method && HasAttribute(method.GetReturnTypeAttributes());
        }

        private static bool HasAttribute(ImmutableArray<AttributeData> attributes)
        {
            foreach (var attribute in attributes)
            {
                var type = attribute.AttributeClass;
                if (type != null && type.ContainingType == null && type.ToDisplayString() == SensitiveFileAttributeFullName)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
