using System.Linq;
using System.Reflection;
using System.Runtime.Versioning;
using Xunit;

namespace AtomicWrite.Tests
{
    /// <summary>This suite runs twice: against the net8.0 build and (AtomicWrite.Tests.NetStandard) the netstandard2.0 build.</summary>
    public sealed class BuildUnderTestTests
    {
        [Fact]
        public void The_intended_build_of_AtomicWrite_is_under_test()
        {
#if ATOMICWRITE_NETSTANDARD
            const string expected = ".NETStandard,Version=v2.0";
#else
            const string expected = ".NETCoreApp,Version=v8.0";
#endif
            var framework = typeof(AtomicFile).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
            Assert.Equal(expected, framework);
        }

        [Fact]
        public void UnixFileMode_is_one_type_in_both_builds()
        {
            // The netstandard2.0 build declares System.IO.UnixFileMode and the net8.0 build forwards it, so the type
            // of NewFileMode is the framework's own type whichever build a library was compiled against.
            var mode = System.Nullable.GetUnderlyingType(typeof(AtomicWriteOptions).GetProperty(nameof(AtomicWriteOptions.NewFileMode))!.PropertyType)!;
            Assert.Equal("System.IO.UnixFileMode", mode.FullName);
#if ATOMICWRITE_NETSTANDARD
            // .NET Standard 2.0 has no UnixFileMode: that build declares it, with the framework's values.
            Assert.Equal(typeof(AtomicFile).Assembly, mode.Assembly);
            Assert.Equal(
                System.Enum.GetValues(typeof(System.IO.UnixFileMode)).Cast<object>().Select(System.Convert.ToInt32),
                System.Enum.GetValues(mode).Cast<object>().Select(System.Convert.ToInt32));
#else
            Assert.Equal(typeof(System.IO.UnixFileMode), mode);
            Assert.Contains(typeof(AtomicFile).Assembly.GetForwardedTypes(), t => t == typeof(System.IO.UnixFileMode));
#endif
            Assert.Contains(typeof(AtomicFile).Assembly.GetTypes(), t => t.Name == nameof(AtomicFile));
            Assert.True(typeof(AtomicFile).Assembly.GetExportedTypes().All(t => t.Namespace == "AtomicWrite" || t.FullName == "System.IO.UnixFileMode"));
        }
    }
}
