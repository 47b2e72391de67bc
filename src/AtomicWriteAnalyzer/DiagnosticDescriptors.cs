using Microsoft.CodeAnalysis;

namespace AtomicWriteAnalyzer
{
    /// <summary>
    /// Every descriptor in one place. The factory computes the help link from the id, so no rule can forget it.
    /// Titles here must match the first heading of docs/rules/&lt;id&gt;.md (a test checks).
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        /// <summary>{0} file as written in code, {1} the API, {2} why the path counts as sensitive.</summary>
        public static readonly DiagnosticDescriptor AW0001_InPlaceOverwrite = Create(
            RuleIdentifiers.InPlaceOverwrite,
            title: "Sensitive file is overwritten in place",
            messageFormat: "'{0}' is overwritten in place by {1}; a crash mid-write leaves it truncated or empty ({2})",
            DiagnosticSeverity.Warning,
            description: "Overwriting a file in place truncates it first and writes afterwards. A crash, kill, power cut or full disk in between leaves the file empty, truncated or zero-filled, with no previous version to fall back to. Write a temporary file, flush it to disk and rename it over the target, keeping a backup: AtomicWrite.AtomicFile does all of that.");

        /// <summary>{0} file, {1} the API, {2} why the path counts as sensitive.</summary>
        public static readonly DiagnosticDescriptor AW0002_ReadWithoutRecovery = Create(
            RuleIdentifiers.ReadWithoutRecovery,
            title: "Sensitive file is read without recovery",
            messageFormat: "'{0}' is read by {1} without recovery; if it is truncated or empty the app cannot fall back to its backup ({2})",
            DiagnosticSeverity.Info,
            description: "A sensitive file that is found empty, truncated or unparsable after a crash locks the user out or resets the app. AtomicFile.ReadAll* and AtomicFile.Load fall back to the backup that AtomicFile saves keep, and report the recovery.");

        /// <summary>{0} the target file, {1} the missing step.</summary>
        public static readonly DiagnosticDescriptor AW0003_UnsafeHandRolledReplace = Create(
            RuleIdentifiers.UnsafeHandRolledReplace,
            title: "Hand-rolled file replace is not crash-safe",
            messageFormat: "The replace of '{0}' is not crash-safe: {1}",
            DiagnosticSeverity.Warning,
            description: "Writing a temporary file and renaming it over the target is only crash-safe when the temporary file has a unique name, is flushed to disk before the rename, lives on the same file system as the target, and the target is never deleted first. AtomicWrite.AtomicFile does each step, and also flushes the directory and keeps a backup.");

        /// <summary>{0} the variable, {1} the type.</summary>
        public static readonly DiagnosticDescriptor AW0004_DisposedWithoutCommit = Create(
            RuleIdentifiers.DisposedWithoutCommit,
            title: "Atomic file is disposed without Commit",
            messageFormat: "'{0}' ({1}) is disposed without Commit on some path; the write is silently discarded",
            DiagnosticSeverity.Warning,
            description: "AtomicFileStream and AtomicStreamWriter publish the new content only on Commit. Disposing them without a Commit discards the temporary file and leaves the target untouched, so a path that reaches the end of the using block without Commit silently loses the write.");

        /// <summary>{0} the path as written, {1} the API.</summary>
        public static readonly DiagnosticDescriptor AW0005_DeleteLeavesBackup = Create(
            RuleIdentifiers.DeleteLeavesBackup,
            title: "File saved through AtomicFile is removed without its backups",
            messageFormat: "'{0}' is saved through AtomicFile, but {1} leaves its backup behind, and the next AtomicFile load restores the old content from it; use AtomicFile.Delete",
            DiagnosticSeverity.Warning,
            description: "Every AtomicFile save keeps the previous version beside the file (file.bak). File.Delete, File.Move and FileInfo.Delete/MoveTo remove only the file itself, so the next AtomicFile.ReadAll* or Load finds it missing and restores the backup: a token deleted at sign-out comes back. AtomicFile.Delete removes the file and its backups.");

        private static DiagnosticDescriptor Create(string id, string title, string messageFormat, DiagnosticSeverity severity, string description) =>
            new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                RuleCategories.Reliability,
                severity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: RuleIdentifiers.GetHelpUri(id));
    }
}
