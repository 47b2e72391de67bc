#if ATOMICWRITE_NETSTANDARD
extern alias aw;

global using aw::AtomicWrite;
global using aw::AtomicWrite.Internal;
global using aw::AtomicWrite.Platform;
#else
global using AtomicWrite.Internal;
global using AtomicWrite.Platform;
#endif
