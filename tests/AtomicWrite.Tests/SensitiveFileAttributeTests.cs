using System;
using System.Reflection;
using Xunit;

namespace AtomicWrite.Tests
{
    public sealed class SensitiveFileAttributeTests
    {
        // The analyzers look the attribute up by this exact name; renaming it would silently disable the signal.
        [Fact]
        public void Has_the_full_name_the_analyzers_look_for()
        {
            Assert.Equal("AtomicWrite.SensitiveFileAttribute", typeof(SensitiveFileAttribute).FullName);
        }

        [Fact]
        public void Applies_to_every_kind_of_path_holder()
        {
            var usage = typeof(SensitiveFileAttribute).GetCustomAttribute<AttributeUsageAttribute>()!;
            var expected = AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Method;
            Assert.Equal(expected, usage.ValidOn & expected);
        }
    }
}
