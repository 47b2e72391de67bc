using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AtomicWriteAnalyzer.Internal
{
    /// <summary>Which signal decided, for tests and for <see cref="DiagnosticPropertyNames.Signal"/>.</summary>
    internal enum SignalKind
    {
        None,
        IgnoredPathsOption,
        CounterSignal,
        SensitiveFileAttribute,
        SensitivePathsOption,
        ScopeAll,
        FileKind,
        FileNameWord,
        FolderWord,
        HolderName,

        /// <summary>The data written is a serialized object whose type name is sensitive (<c>AuthToken</c>, <c>AppSettings</c>).</summary>
        DataType,

        /// <summary>The same type reads the file back and rewrites it with serialized data.</summary>
        AppState,

        /// <summary>The writing type's or method's name (weak) together with serialized data or a read-back.</summary>
        WriterName,

        /// <summary>A helper method overwrites in place the sensitive path a caller passes it.</summary>
        HelperCaller,
    }

    /// <summary>
    /// What is known about a write beyond its path (issue 7): the writing type and method, the data written and
    /// whether the same type reads the file back. Computed only when the path alone says nothing.
    /// </summary>
    internal sealed class WriteEvidence
    {
        public WriteEvidence(string? typeName, string? methodName, WrittenData data, string? readBackBy)
        {
            TypeName = typeName;
            MethodName = methodName;
            Data = data;
            ReadBackBy = readBackBy;
        }

        public string? TypeName { get; }

        public string? MethodName { get; }

        public WrittenData Data { get; }

        /// <summary><c>Type.Member</c> that reads the same path member back, or null.</summary>
        public string? ReadBackBy { get; }
    }

    /// <summary>Names of the enums sent in <c>Diagnostic.Properties</c>, without <c>Enum.ToString()</c> (it showed in profiles).</summary>
    internal static class EnumNames
    {
        private static readonly string[] SignalKinds = Enum.GetNames(typeof(SignalKind));
        private static readonly string[] ApiFamilies = Enum.GetNames(typeof(ApiFamily));

        public static string Name(this SignalKind kind) => (uint)kind < (uint)SignalKinds.Length ? SignalKinds[(int)kind] : kind.ToString();

        public static string Name(this ApiFamily family) => (uint)family < (uint)ApiFamilies.Length ? ApiFamilies[(int)family] : family.ToString();
    }

    /// <summary>The verdict on one path: sensitive or not, and the reason shown to the user (or why not).</summary>
    internal readonly struct Sensitivity
    {
        public Sensitivity(bool isSensitive, SignalKind kind, string reason)
        {
            IsSensitive = isSensitive;
            Kind = kind;
            Reason = reason;
        }

        public bool IsSensitive { get; }

        public SignalKind Kind { get; }

        /// <summary>Shown in the message: "file name contains 'token'". For a negative verdict, why it is not flagged.</summary>
        public string Reason { get; }

        public static Sensitivity No(string reason) => new Sensitivity(false, SignalKind.None, reason);

        public override string ToString() => (IsSensitive ? "sensitive: " : "not sensitive: ") + Reason;
    }

    /// <summary>
    /// Decides whether a reconstructed path is sensitive, and says why. In order:
    /// <list type="number">
    /// <item><c>atomic_write.ignored_paths</c> match: never flagged.</item>
    /// <item><c>[SensitiveFile]</c> on a holder of the path: flagged.</item>
    /// <item><c>atomic_write.sensitive_paths</c> match: flagged.</item>
    /// <item><c>atomic_write.scope = all</c>: flagged, with the best signal found as reason.</item>
    /// <item>Counter-signals win over every heuristic signal: a log or temp file, a temp/random/user-picked origin, a cache,
    /// download, export, report, output, crash or dump location (in the path, the holders' names or the writing method's name).</item>
    /// <item>Signals: a key or settings file kind (<c>.pem</c>, <c>id_rsa</c>, <c>.ini</c>...), a sensitive word in the file
    /// name, in a holder's name (<c>tokenPath</c>, <c>CredentialsFile</c>), or in a folder name.</item>
    /// </list>
    /// Words are whole words (see <see cref="WordSplitter"/>).
    /// </summary>
    internal static class SensitivitySignals
    {
        public const string SensitiveFileAttributeName = "SensitiveFileAttribute";
        public const string SensitiveFileAttributeNamespace = "AtomicWrite";

        /// <summary>Sensitive words (as split, lower case) and the canonical word the reason names.</summary>
        private static readonly ImmutableDictionary<string, string> Words = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["token"] = "token", ["tokens"] = "token",
            ["secret"] = "secret", ["secrets"] = "secret",
            ["credential"] = "credential", ["credentials"] = "credential", ["creds"] = "credential",
            ["password"] = "password", ["passwords"] = "password", ["passwd"] = "password",
            ["apikey"] = "apikey", ["apikeys"] = "apikey",
            ["auth"] = "auth", ["oauth"] = "auth",
            ["cookie"] = "cookie", ["cookies"] = "cookie",
            ["wallet"] = "wallet", ["wallets"] = "wallet",
            ["keystore"] = "keystore", ["keychain"] = "keychain",
            ["settings"] = "settings", ["setting"] = "settings", ["appsettings"] = "settings", ["usersettings"] = "settings",
            ["config"] = "config", ["configs"] = "config", ["configuration"] = "config", ["configurations"] = "config", ["conf"] = "config",
            ["preferences"] = "preferences", ["preference"] = "preferences", ["prefs"] = "preferences",
            ["profile"] = "profile", ["profiles"] = "profile",
            ["state"] = "state",
            ["license"] = "license", ["licenses"] = "license", ["licence"] = "license",
            ["session"] = "session", ["sessions"] = "session",
        }.ToImmutableDictionary(StringComparer.Ordinal);

        /// <summary>Two words that together are sensitive: "api key", "private key", "key store".</summary>
        private static readonly ImmutableDictionary<string, string> WordPairs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["api key"] = "apikey", ["api keys"] = "apikey",
            ["private key"] = "private key",
            ["key store"] = "keystore", ["key chain"] = "keychain",
        }.ToImmutableDictionary(StringComparer.Ordinal);

        /// <summary>Words that make a data type sensitive but are too common in paths to count there.</summary>
        private static readonly ImmutableDictionary<string, string> DataTypeOnlyWords = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["options"] = "options",
        }.ToImmutableDictionary(StringComparer.Ordinal);

        /// <summary>Words that mark a location whose files can be lost or regenerated, or belong to the user.</summary>
        private static readonly ImmutableDictionary<string, string> CounterWords = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["log"] = "log", ["logs"] = "log",
            ["temp"] = "temp", ["tmp"] = "temp",
            ["cache"] = "cache", ["caches"] = "cache", ["cached"] = "cache",
            ["download"] = "download", ["downloads"] = "download",
            ["export"] = "export", ["exports"] = "export", ["exported"] = "export",
            ["report"] = "report", ["reports"] = "report",
            ["output"] = "output", ["outputs"] = "output",
            ["crash"] = "crash", ["crashes"] = "crash",
            ["dump"] = "dump", ["dumps"] = "dump",
        }.ToImmutableDictionary(StringComparer.Ordinal);

        /// <summary>File kinds that hold keys, secrets or settings, by extension (lower case, without the dot).</summary>
        private static readonly ImmutableDictionary<string, string> Extensions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["env"] = "'.env' files hold secrets",
            ["pem"] = "'.pem' is a key or certificate file",
            ["key"] = "'.key' is a key file",
            ["pfx"] = "'.pfx' is a certificate with its private key",
            ["p12"] = "'.p12' is a certificate with its private key",
            ["kdbx"] = "'.kdbx' is a password database",
            ["ini"] = "'.ini' is a settings file",
            ["cfg"] = "'.cfg' is a settings file",
        }.ToImmutableDictionary(StringComparer.Ordinal);

        /// <summary>File kinds recognized by their whole name (lower case).</summary>
        private static readonly ImmutableDictionary<string, string> FileNames = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id_rsa"] = "'id_rsa' is an SSH private key",
            ["id_ed25519"] = "'id_ed25519' is an SSH private key",
            ["id_ecdsa"] = "'id_ecdsa' is an SSH private key",
            ["id_dsa"] = "'id_dsa' is an SSH private key",
            [".netrc"] = "'.netrc' holds credentials",
            ["_netrc"] = "'_netrc' holds credentials",
            [".npmrc"] = "'.npmrc' holds credentials",
            [".pypirc"] = "'.pypirc' holds credentials",
            [".pgpass"] = "'.pgpass' holds passwords",
            [".env"] = "'.env' files hold secrets",
        }.ToImmutableDictionary(StringComparer.Ordinal);

        /// <summary>The verdict on <paramref name="path"/>, written by a method named <paramref name="writerName"/>.</summary>
        public static Sensitivity Evaluate(PathModel path, AtomicWriteOptions options, string? writerName) =>
            Evaluate(path, options, writerName, evidence: null);

        /// <summary>
        /// The verdict on <paramref name="path"/>; when the path itself has no signal (and no counter-signal), the
        /// <paramref name="evidence"/> about the write is asked for and weighed (<see cref="FromEvidence"/>).
        /// </summary>
        public static Sensitivity Evaluate(PathModel path, AtomicWriteOptions options, string? writerName, Func<WriteEvidence>? evidence)
        {
            foreach (string text in path.Texts)
            {
                foreach (var glob in options.IgnoredPaths)
                {
                    if (glob.IsMatch(text))
                    {
                        return new Sensitivity(false, SignalKind.IgnoredPathsOption, "matches atomic_write.ignored_paths '" + glob.Pattern + "'");
                    }
                }
            }

            foreach (var holder in path.Holders)
            {
                if (IsMarkedSensitive(holder.Symbol))
                {
                    return new Sensitivity(true, SignalKind.SensitiveFileAttribute, "'" + holder.Name + "' is marked [SensitiveFile]");
                }
            }

            foreach (string text in path.Texts)
            {
                foreach (var glob in options.SensitivePaths)
                {
                    if (glob.IsMatch(text))
                    {
                        return new Sensitivity(true, SignalKind.SensitivePathsOption, "matches atomic_write.sensitive_paths '" + glob.Pattern + "'");
                    }
                }
            }

            var signal = FindSignal(path);
            if (options.ScopeAll)
            {
                return signal.IsSensitive ? signal : new Sensitivity(true, SignalKind.ScopeAll, "atomic_write.scope = all");
            }

            string? counter = FindCounterSignal(path, writerName);
            if (counter != null)
            {
                return new Sensitivity(false, SignalKind.CounterSignal, counter);
            }

            if (signal.IsSensitive || evidence == null)
            {
                return signal;
            }

            return FromEvidence(evidence());
        }

        /// <summary>
        /// Signals from the write rather than the path, strongest first: a serialized object whose type name is
        /// sensitive (or <c>this</c> in a type so named); app state (the same type reads the path member back and
        /// rewrites it with serialized data); the writing type's or method's name, which is weak and counts only with
        /// serialized data or a read-back beside it.
        /// </summary>
        public static Sensitivity FromEvidence(WriteEvidence evidence)
        {
            var data = evidence.Data;
            if (data.IsSerialized && data.SerializedType != null)
            {
                string? word = DataTypeWord(data.SerializedType, out string typeName);
                if (word != null)
                {
                    return new Sensitivity(true, SignalKind.DataType, data.SerializesThis
                        ? "serializes this '" + typeName + "', whose name contains '" + word + "'"
                        : "writes a serialized '" + typeName + "', whose name contains '" + word + "'");
                }
            }

            if (data.IsSerialized && evidence.ReadBackBy != null)
            {
                return new Sensitivity(true, SignalKind.AppState, "read back by " + evidence.ReadBackBy + " and rewritten with serialized data");
            }

            if (data.IsSerialized || evidence.ReadBackBy != null)
            {
                string second = data.IsSerialized ? "the data written is serialized" : "the file is read back by " + evidence.ReadBackBy;
                string? typeWord = CounterWord(evidence.TypeName) == null ? SensitiveWord(evidence.TypeName) : null;
                if (typeWord != null)
                {
                    return new Sensitivity(true, SignalKind.WriterName, "type '" + evidence.TypeName + "' contains '" + typeWord + "' and " + second);
                }

                string? methodWord = SensitiveWord(evidence.MethodName);
                if (methodWord != null)
                {
                    return new Sensitivity(true, SignalKind.WriterName, "method '" + evidence.MethodName + "' contains '" + methodWord + "' and " + second);
                }
            }

            return Sensitivity.No("no sensitive signal");
        }

        /// <summary>
        /// The sensitive word in a data type's name, looking through arrays and generic collections
        /// (<c>List&lt;AuthToken&gt;</c>); <c>Options</c> counts here (<c>SyncOptions</c>), not in paths.
        /// </summary>
        private static string? DataTypeWord(ITypeSymbol type, out string typeName)
        {
            typeName = type.Name;
            var candidates = new List<ITypeSymbol> { type };
            if (type is IArrayTypeSymbol array)
            {
                candidates.Add(array.ElementType);
            }
            else if (type is INamedTypeSymbol named)
            {
                candidates.AddRange(named.TypeArguments);
            }

            foreach (var candidate in candidates)
            {
                if (candidate == null || candidate.TypeKind == TypeKind.TypeParameter || candidate.SpecialType != SpecialType.None)
                {
                    continue;
                }

                string? word = MatchWord(candidate.Name, Words, WordPairs) ?? MatchWord(candidate.Name, DataTypeOnlyWords, null);
                if (word != null)
                {
                    typeName = candidate.Name;
                    return word;
                }
            }

            return null;
        }

        /// <summary>Why this path is not worth protecting (a log, temp, cache, export... location), or null.</summary>
        public static string? FindCounterSignal(PathModel path, string? writerName)
        {
            if ((path.Origins & PathOrigin.TempFileName) != 0 || (path.Origins & PathOrigin.TempDirectory) != 0)
            {
                return "a temp file (" + path.OriginDetail + ")";
            }

            if ((path.Origins & PathOrigin.RandomFileName) != 0)
            {
                return "a new random file name (" + path.OriginDetail + ")";
            }

            if ((path.Origins & PathOrigin.UserPicked) != 0)
            {
                return "a path the user picked (" + path.OriginDetail + ")";
            }

            foreach (string text in path.Texts)
            {
                string name = PathModel.LastSegment(text).ToLowerInvariant();
                string[] dotted = name.Split('.');
                for (int i = 1; i < dotted.Length; i++)
                {
                    if (dotted[i] == "log")
                    {
                        return "a '.log' file";
                    }

                    if (dotted[i] == "tmp" || dotted[i] == "temp")
                    {
                        return "a '." + dotted[i] + "' file";
                    }
                }

                foreach (string segment in Segments(text))
                {
                    string? word = MatchWord(segment, CounterWords, null);
                    if (word != null)
                    {
                        return "the path contains '" + word + "'";
                    }
                }
            }

            foreach (var holder in path.Holders)
            {
                string? word = MatchWord(holder.Name, CounterWords, null);
                if (word != null)
                {
                    return holder.KindText + " '" + holder.Name + "' contains '" + word + "'";
                }
            }

            string? writerWord = MatchWord(writerName, CounterWords, null);
            return writerWord != null ? "written by '" + writerName + "', which contains '" + writerWord + "'" : null;
        }

        /// <summary>The strongest sensitive signal of the path itself, or a negative verdict.</summary>
        public static Sensitivity FindSignal(PathModel path)
        {
            foreach (string text in path.Texts)
            {
                string? kind = FileKind(PathModel.LastSegment(text));
                if (kind != null)
                {
                    return new Sensitivity(true, SignalKind.FileKind, kind);
                }
            }

            foreach (string text in path.Texts)
            {
                string name = PathModel.LastSegment(text);
                string? word = IsOpaque(name) ? null : MatchWord(name, Words, WordPairs);
                if (word != null)
                {
                    return new Sensitivity(true, SignalKind.FileNameWord, "file name contains '" + word + "'");
                }
            }

            foreach (var holder in path.Holders)
            {
                if (holder.IsWhole)
                {
                    string? word = MatchWord(holder.Name, Words, WordPairs);
                    if (word != null)
                    {
                        return new Sensitivity(true, SignalKind.HolderName, holder.KindText + " '" + holder.Name + "' contains '" + word + "'");
                    }
                }
            }

            foreach (string text in path.Texts)
            {
                var segments = Segments(text);
                for (int i = 0; i < segments.Count - 1; i++)
                {
                    string? word = MatchWord(segments[i], Words, WordPairs);
                    if (word != null)
                    {
                        return new Sensitivity(true, SignalKind.FolderWord, "folder name contains '" + word + "'");
                    }
                }
            }

            foreach (var holder in path.Holders)
            {
                if (!holder.IsWhole)
                {
                    string? word = MatchWord(holder.Name, Words, WordPairs);
                    if (word != null)
                    {
                        return new Sensitivity(true, SignalKind.HolderName, holder.KindText + " '" + holder.Name + "' contains '" + word + "'");
                    }
                }
            }

            return Sensitivity.No("no sensitive signal");
        }

        /// <summary>The canonical sensitive word in an identifier or file name (<c>SaveSettings</c> → <c>settings</c>), or null.</summary>
        public static string? SensitiveWord(string? name) => MatchWord(name, Words, WordPairs);

        /// <summary>The counter-signal word in an identifier or file name (<c>ExportSettings</c> → <c>export</c>), or null.</summary>
        public static string? CounterWord(string? name) => MatchWord(name, CounterWords, null);

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
                if (type != null && type.Name == SensitiveFileAttributeName && OperationHelpers.NamespaceIs(type.ContainingNamespace, SensitiveFileAttributeNamespace))
                {
                    return true;
                }
            }

            return false;
        }

        private static string? FileKind(string fileName)
        {
            if (IsOpaque(fileName))
            {
                return null;
            }

            string lower = fileName.ToLowerInvariant();
            if (FileNames.TryGetValue(lower, out string? byName))
            {
                return byName;
            }

            if (lower.StartsWith(".env.", StringComparison.Ordinal))
            {
                return FileNames[".env"];
            }

            int dot = lower.LastIndexOf('.');
            if (dot >= 0 && dot < lower.Length - 1 && Extensions.TryGetValue(lower.Substring(dot + 1), out string? byExtension))
            {
                return byExtension;
            }

            return null;
        }

        /// <summary>Segments of a reconstructed path whose words mean something: not special folders, not unknown parts.</summary>
        private static List<string> Segments(string text)
        {
            var segments = new List<string>();
            foreach (string segment in text.Split('/'))
            {
                if (segment.Length > 0 && !IsOpaque(segment))
                {
                    segments.Add(segment);
                }
            }

            return segments;
        }

        /// <summary>Unknown (<c>**</c>) or a special folder (<c>&lt;UserProfile&gt;</c>: not a user profile file).</summary>
        private static bool IsOpaque(string segment) => segment == PathModel.Unknown || segment.StartsWith("<", StringComparison.Ordinal);

        private static string? MatchWord(string? text, ImmutableDictionary<string, string> words, ImmutableDictionary<string, string>? pairs)
        {
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            var split = WordSplitter.Split(text);
            for (int i = 0; i < split.Count; i++)
            {
                if (pairs != null && i + 1 < split.Count && pairs.TryGetValue(split[i] + " " + split[i + 1], out string? pair))
                {
                    return pair;
                }

                if (words.TryGetValue(split[i], out string? word))
                {
                    return word;
                }
            }

            return null;
        }
    }
}
