using Microsoft.CodeAnalysis;

namespace AtomicWriteAnalyzer.Internal
{
    /// <summary>What a recognized call does to its file, once its arguments are taken into account.</summary>
    internal enum FileEffect
    {
        /// <summary>The arguments are not constants we can read (a <c>FileMode</c> variable): treated as harmless.</summary>
        Unknown,

        /// <summary>Truncates or rewrites the existing file in place.</summary>
        Overwrite,

        Read,

        Rename,

        /// <summary>Appends (<c>FileMode.Append</c>, <c>append: true</c>): losing the tail is the accepted risk of a log.</summary>
        Append,

        /// <summary><c>FileMode.CreateNew</c>: fails if the file exists, so nothing is overwritten.</summary>
        CreateNew,

        /// <summary>Opens an existing file without truncating it, or copies without overwriting.</summary>
        Other,
    }

    /// <summary>A call (or constructor) matched in the <see cref="ApiCatalog"/>, with its path and effect.</summary>
    internal sealed class ApiCall
    {
        public ApiCall(IOperation operation, IMethodSymbol method, ApiEntry entry, ApiFamily family, FileEffect effect, IOperation? path, IOperation? target, string display)
        {
            Operation = operation;
            Method = method;
            Entry = entry;
            Family = family;
            Effect = effect;
            Path = path;
            Target = target;
            Display = display;
        }

        /// <summary>The invocation or object creation.</summary>
        public IOperation Operation { get; }

        public IMethodSymbol Method { get; }

        /// <summary>The catalogued BCL member (for <c>System.IO.Abstractions</c> calls: the one it mirrors).</summary>
        public ApiEntry Entry { get; }

        public ApiFamily Family { get; }

        public FileEffect Effect { get; }

        /// <summary>The path the effect applies to: the argument, or the <c>FileInfo</c> receiver. Null in broken code.</summary>
        public IOperation? Path { get; }

        /// <summary>For renames: the file that gets replaced.</summary>
        public IOperation? Target { get; }

        /// <summary>How messages name the API: <c>File.WriteAllText</c>, <c>new FileStream</c>, <c>IFile.WriteAllText</c>.</summary>
        public string Display { get; }

        /// <summary>
        /// Whether a code fix may rewrite the call: never through <c>System.IO.Abstractions</c> or a wrapper, nor for a
        /// shape no fix knows (<c>FileInfo.CopyTo</c>, <c>XmlWriter.Create</c>).
        /// </summary>
        public bool IsFixable => Family == ApiFamily.SystemIO && Entry.HasFix;
    }
}
