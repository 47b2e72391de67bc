#if NET
using System.Runtime.CompilerServices;

// The netstandard2.0 build declares System.IO.UnixFileMode itself; forwarding it here keeps one type identity,
// so a library compiled against the netstandard2.0 build runs against this one.
[assembly: TypeForwardedTo(typeof(System.IO.UnixFileMode))]
#endif
