namespace System.Runtime.CompilerServices
{
    // Lets netstandard2.0 compile init-only setters; internal so it never clashes with a consumer's copy.
    internal static class IsExternalInit
    {
    }
}
