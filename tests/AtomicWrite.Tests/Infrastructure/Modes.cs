#if ATOMICWRITE_NETSTANDARD
extern alias aw;
#endif

namespace AtomicWrite.Tests.Infrastructure
{
    /// <summary>
    /// Tests speak the framework's System.IO.UnixFileMode. The netstandard2.0 build of AtomicWrite declares its own
    /// (same name, same values: .NET Standard has none), which a .NET 10 test sees as a different type.
    /// </summary>
    public static class Modes
    {
#if ATOMICWRITE_NETSTANDARD
        public static aw::System.IO.UnixFileMode? ForOptions(System.IO.UnixFileMode? mode) => (aw::System.IO.UnixFileMode?)(int?)mode;
#else
        public static System.IO.UnixFileMode? ForOptions(System.IO.UnixFileMode? mode) => mode;
#endif
    }
}
