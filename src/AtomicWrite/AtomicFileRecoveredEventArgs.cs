using System;

namespace AtomicWrite
{
    /// <summary>Describes a recovery: the loader rejected <see cref="Path"/> and used <see cref="BackupPath"/> instead.</summary>
    public sealed class AtomicFileRecoveredEventArgs : EventArgs
    {
        /// <summary>Creates the event data.</summary>
        /// <param name="path">The file that was rejected (and restored from the backup).</param>
        /// <param name="backupPath">The backup whose content was used.</param>
        /// <param name="reason">Why the file was rejected.</param>
        public AtomicFileRecoveredEventArgs(string path, string backupPath, string reason)
        {
            Path = path;
            BackupPath = backupPath;
            Reason = reason;
        }

        /// <summary>The resolved path of the file that was rejected. Its rejected content is kept as <c>Path + ".corrupt"</c>.</summary>
        public string Path { get; }

        /// <summary>The backup whose content was returned and copied back to <see cref="Path"/>.</summary>
        public string BackupPath { get; }

        /// <summary>Why the file was rejected: missing, empty, zero-filled, rejected by Validate, or what the parser threw.
        /// When the content could not be written back (e.g. a read-only directory) the reason says so.</summary>
        public string Reason { get; }
    }
}
