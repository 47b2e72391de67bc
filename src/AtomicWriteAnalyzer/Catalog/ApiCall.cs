using AtomicWriteAnalyzer.Contract;
using Microsoft.CodeAnalysis;

namespace AtomicWriteAnalyzer.Catalog
{
    /// <summary>A call (or constructor) matched in the <see cref="ApiCatalog"/>, with its path and effect.</summary>
    internal sealed class ApiCall
    {
        public ApiCall(IOperation operation, IMethodSymbol method, ApiEntry entry, CallFamily family, FileEffect effect, IOperation? path, IOperation? target, string display, FileOpenArguments arguments)
        {
            Arguments = arguments;
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

        public CallFamily Family { get; }

        /// <summary>How the call opens its file (mode, access, write-through), read once from its arguments.</summary>
        public FileOpenArguments Arguments { get; }

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
        public bool IsFixable => Family == CallFamily.SystemIO && Entry.HasFix;
    }
}
