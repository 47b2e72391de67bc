using Xunit;

namespace AtomicWrite.Tests.Infrastructure
{
    /// <summary>Tests that change process-wide state (the umask) or count process-wide metrics run alone.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class ProcessWide
    {
        public const string Name = "Process-wide state";
    }
}
