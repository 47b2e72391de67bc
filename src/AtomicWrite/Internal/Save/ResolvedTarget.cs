using System;
using System.IO;
using AtomicWrite.Platform;

namespace AtomicWrite.Internal
{
    /// <summary>The file a save replaces, resolved once (step 1) so every later step names the same file.</summary>
    internal sealed class ResolvedTarget
    {
        private ResolvedTarget(string path)
        {
            Path = path;
            Directory = System.IO.Path.GetDirectoryName(path) ?? "/";
            Name = System.IO.Path.GetFileName(path);
        }

        public string Path { get; }

        public string Directory { get; }

        public string Name { get; }

        /// <summary>Validates <paramref name="path"/> the way <see cref="File"/> does, then resolves it
        /// (realpath, a symlinked name written through). Creates nothing.</summary>
        public static ResolvedTarget Resolve(string path, string parameterName = "path")
        {
            ValidatePathArgument(path, parameterName);
            var full = System.IO.Path.GetFullPath(path);
            if (full.EndsWith("/", StringComparison.Ordinal) && full.Length > 1)
            {
                // "dir/name/" names a directory: File cannot write it either.
                throw Errors.IsDirectory(path);
            }

            return new ResolvedTarget(Platforms.Current.ResolveTarget(full));
        }

        /// <summary>Resolves a save target and refuses what <see cref="File.WriteAllText(string, string)"/> refuses:
        /// a directory, or an existing file the caller may not write (a rename could replace it, but must not).</summary>
        public static ResolvedTarget ResolveForWrite(string path, string parameterName = "path")
        {
            var target = Resolve(path, parameterName);
            var status = Platforms.Current.GetStatus(target.Path);
            if (status.Kind == FileKind.Directory)
            {
                throw Errors.IsDirectory(target.Path);
            }

            if (status.Exists && !Platforms.Current.CanWrite(target.Path))
            {
                throw Errors.ReadOnlyTarget(target.Path);
            }

            return target;
        }

        public static void ValidatePathArgument(string path, string parameterName)
        {
            if (path is null)
            {
                throw new ArgumentNullException(parameterName);
            }

            if (path.Length == 0)
            {
                throw new ArgumentException("Empty path name is not legal.", parameterName);
            }

            if (path.IndexOf('\0') >= 0)
            {
                throw new ArgumentException("Null character in path.", parameterName);
            }
        }

        public string Sibling(string name) => Directory == "/" ? "/" + name : Directory + "/" + name;

        public override string ToString() => Path;
    }
}
