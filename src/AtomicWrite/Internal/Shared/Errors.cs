using System;
using System.IO;
using AtomicWrite.Platform;

namespace AtomicWrite.Internal
{
    /// <summary>
    /// Turns a failed system call into the exception <see cref="File"/> would throw, with a message that names the
    /// path and, for the failures people meet with atomic saves, says what is going on and what to do.
    /// </summary>
    internal static class Errors
    {
        /// <summary>Key of <see cref="Exception.Data"/> set to true when the new content had already replaced the target.</summary>
        public const string CommittedKey = "AtomicWrite.Committed";

        public static Exception FromErrno(int errno, string path, Operation operation)
        {
            var c = UnixConstants.Current;
            var message = $"{Describe(operation)} '{path}' failed: {c.Name(errno)}.{Explain(errno, path, operation)}";
            if (errno == UnixConstants.ENOENT || errno == UnixConstants.ENOTDIR)
            {
                return operation == Operation.Resolve || errno == UnixConstants.ENOTDIR
                    ? new DirectoryNotFoundException(message)
                    : new FileNotFoundException(message, path);
            }

            if (errno == UnixConstants.EACCES || errno == UnixConstants.EPERM || errno == UnixConstants.EISDIR || errno == UnixConstants.EBADF)
            {
                return new UnauthorizedAccessException(message);
            }

            if (errno == c.ENAMETOOLONG)
            {
                return new PathTooLongException(message);
            }

            return new IOException(message, errno);
        }

        public static IOException FileTooLarge(string path, Exception inner) =>
            new IOException(
                $"Writing '{path}' failed: the file size limit of this process (RLIMIT_FSIZE, 'ulimit -f') was exceeded (EFBIG). " +
                "The target and its backups were left unchanged.",
                inner);

        public static UnauthorizedAccessException ReadOnlyTarget(string path) =>
            new UnauthorizedAccessException(
                $"Access to the path '{path}' is denied: the file is not writable by this process. " +
                "AtomicFile could replace it by rename (the directory is writable) but refuses to, as File.WriteAllText would.");

        public static UnauthorizedAccessException IsDirectory(string path) =>
            new UnauthorizedAccessException($"Access to the path '{path}' is denied: it is a directory.");

        public static T MarkCommitted<T>(T exception)
            where T : Exception
        {
            exception.Data[CommittedKey] = true;
            return exception;
        }

        private static string Describe(Operation operation) => operation switch
        {
            Operation.Resolve => "Resolving",
            Operation.CreateTemp => "Creating the temporary file for",
            Operation.Write => "Writing the temporary file for",
            Operation.Sync => "Flushing to disk",
            Operation.Rotate => "Keeping the backup of",
            Operation.Replace => "Replacing",
            Operation.SyncDirectory => "Flushing to disk the directory of",
            Operation.Delete => "Deleting",
            Operation.Read => "Reading",
            Operation.Lock => "Locking",
            _ => "Accessing",
        };

        private static string Explain(int errno, string path, Operation operation)
        {
            var c = UnixConstants.Current;
            var directory = Path.GetDirectoryName(path);
            var changesDirectory = operation is Operation.CreateTemp or Operation.Rotate or Operation.Replace or Operation.Delete;
            if (errno == UnixConstants.EBUSY && operation == Operation.Replace)
            {
                return " The target cannot be replaced by rename: it is most likely a single file bind-mounted into this " +
                    "container or namespace (e.g. 'docker run -v host.json:/app/host.json'). Mount its directory instead.";
            }

            if (errno == UnixConstants.EXDEV)
            {
                return " The temporary file and the target are on different file systems (the target is probably a " +
                    "bind-mounted single file or a mount point of its own). Mount the directory that holds it instead.";
            }

            if ((errno == UnixConstants.EACCES || errno == UnixConstants.EPERM) && changesDirectory)
            {
                return $" An atomic save creates a temporary file next to the target and renames it over the target, so " +
                    $"it needs write and search permission on the directory '{directory}', not only on the file.";
            }

            if (errno == UnixConstants.ENOSPC || errno == c.EDQUOT)
            {
                return operation is Operation.SyncDirectory
                    ? " The disk or quota is full."
                    : " The disk or quota is full; the target and its backups were left unchanged.";
            }

            if (errno == UnixConstants.EROFS)
            {
                return " The file system is mounted read-only.";
            }

            if (errno == UnixConstants.EFBIG)
            {
                return " The file size limit of this process (RLIMIT_FSIZE, 'ulimit -f') was exceeded.";
            }

            if (errno == c.ELOOP)
            {
                return " AtomicFile never follows a symbolic link at a name it creates or reads back (temporary files, backups, lock files).";
            }

            return string.Empty;
        }
    }
}
