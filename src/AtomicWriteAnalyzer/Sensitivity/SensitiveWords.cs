using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using AtomicWriteAnalyzer.Infrastructure;
using AtomicWriteAnalyzer.Paths;

namespace AtomicWriteAnalyzer.Sensitivity
{
    /// <summary>
    /// The word tables of the sensitivity model and how a name is matched against them: whole words only
    /// (<see cref="WordSplitter"/>), so that <c>keyboard-layout.txt</c> and <c>authors.txt</c> never look like keys or
    /// auth files.
    /// </summary>
    internal static class SensitiveWords
    {
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
            ["licensekey"] = "license key", ["licencekey"] = "license key",
            ["session"] = "session", ["sessions"] = "session",
            ["account"] = "account", ["accounts"] = "account",
            ["authenticator"] = "authenticator", ["totp"] = "authenticator", ["mafile"] = "authenticator",
            ["keyfile"] = "key file", ["vault"] = "vault",
            ["preset"] = "preset", ["presets"] = "preset",
            ["keybindings"] = "key bindings", ["keybinds"] = "key bindings", ["keymap"] = "key bindings", ["shortcuts"] = "key bindings",
        }.ToImmutableDictionary(StringComparer.Ordinal);

        /// <summary>Two words that together are sensitive: "api key", "private key", "key store".</summary>
        private static readonly ImmutableDictionary<string, string> WordPairs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["api key"] = "apikey", ["api keys"] = "apikey",
            ["private key"] = "private key",
            ["key store"] = "keystore", ["key chain"] = "keychain",
            ["license key"] = "license key", ["licence key"] = "license key",
            ["client key"] = "private key", ["host key"] = "private key", ["secret key"] = "private key", ["signing key"] = "private key",
            ["encryption key"] = "private key", ["master key"] = "private key", ["ssh key"] = "private key",
            ["key bindings"] = "key bindings", ["key binds"] = "key bindings",
            ["secure storage"] = "secure storage",
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
            ["script"] = "script", ["scripts"] = "script", ["sh"] = "script",
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

        /// <summary>
        /// "license" alone is usually the software licence's text (<c>LICENSE.txt</c>, <c>licenses.json</c>); it counts
        /// in a key sense only: with "key" (<see cref="WordPairs"/>) or as a data file of one of these kinds.
        /// </summary>
        private static readonly ImmutableHashSet<string> LicenseKeyExtensions = ImmutableHashSet.Create(StringComparer.Ordinal, "lic", "dat", "bin", "key");

        private static readonly ImmutableDictionary<string, string> LicenseWords = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["license"] = "license", ["licence"] = "license",
        }.ToImmutableDictionary(StringComparer.Ordinal);

        /// <summary>File kinds recognized by their whole name (lower case).</summary>
        private static readonly ImmutableDictionary<string, string> FileNames = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["hosts"] = "'hosts' is the system's host name table",
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

        /// <summary>The canonical sensitive word in an identifier or file name (<c>SaveSettings</c> → <c>settings</c>), or null.</summary>
        public static string? SensitiveWord(string? name) => MatchWord(name, Words, WordPairs);

        /// <summary>The verbs a method that stores its data in a file starts with (<c>SaveConfig</c>, <c>StoreToken</c>).</summary>
        private static readonly ImmutableHashSet<string> SaveVerbs = ImmutableHashSet.Create(StringComparer.Ordinal, "save", "write", "persist", "store");

        /// <summary>
        /// The sensitive word a method's name says it saves: a save verb first (after an optional "try"), a sensitive
        /// word after it (<c>SaveConfig</c>, <c>TryWriteSettingsAsync</c> → <c>settings</c>, <c>PersistCredentials</c>),
        /// else null (<c>Save</c>, <c>LoadConfig</c>, <c>ConfigSaved</c>).
        /// </summary>
        public static string? SavedWord(string? methodName)
        {
            var words = WordSplitter.Split(methodName);
            int verb = words.Count > 0 && words[0] == "try" ? 1 : 0;
            if (words.Count <= verb + 1 || !SaveVerbs.Contains(words[verb]))
            {
                return null;
            }

            return MatchWord(string.Join(" ", words.GetRange(verb + 1, words.Count - verb - 1)), Words, WordPairs);
        }

        /// <summary>The counter-signal word in an identifier or file name (<c>ExportSettings</c> → <c>export</c>), or null.</summary>
        public static string? CounterWord(string? name) => MatchWord(name, CounterWords, null);

        /// <summary>The sensitive word in a data type's name; <c>Options</c> counts here (<c>SyncOptions</c>), not in paths.</summary>
        public static string? DataTypeWord(string? typeName) => MatchWord(typeName, Words, WordPairs) ?? MatchWord(typeName, DataTypeOnlyWords, null);

        /// <summary>What a file's name says it holds (a key, a certificate, settings), or null.</summary>
        public static string? FileKind(string fileName)
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

            if (dot > 0 && LicenseKeyExtensions.Contains(lower.Substring(dot + 1)) && MatchWord(lower.Substring(0, dot), LicenseWords, null) != null)
            {
                return "'" + fileName + "' holds a license key";
            }

            return null;
        }

        /// <summary>Segments of a reconstructed path whose words mean something: not special folders, not unknown parts.</summary>
        public static List<string> Segments(string text)
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
        public static bool IsOpaque(string segment) => segment == PathModel.Unknown || segment.StartsWith("<", StringComparison.Ordinal);

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
