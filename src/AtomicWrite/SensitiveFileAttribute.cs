using System;

namespace AtomicWrite
{
    /// <summary>
    /// Marks a field, property, parameter or method whose string value is the path of a sensitive file
    /// (a token, credential, key or settings file). The AtomicWriteAnalyzer rules treat every write to
    /// such a path as sensitive, whatever its name says. The analyzers recognise the attribute by its full
    /// name, so a project may also declare its own <c>AtomicWrite.SensitiveFileAttribute</c>.
    /// </summary>
    [AttributeUsage(
        AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Method | AttributeTargets.ReturnValue,
        AllowMultiple = false,
        Inherited = true)]
    public sealed class SensitiveFileAttribute : Attribute
    {
    }
}
