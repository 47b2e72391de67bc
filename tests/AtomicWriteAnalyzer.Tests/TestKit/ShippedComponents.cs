using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AtomicWriteAnalyzer.Tests.TestKit
{
    /// <summary>
    /// Every analyzer and code fix the package ships, found by reflection the way a compiler host finds them (the
    /// <c>[DiagnosticAnalyzer]</c> and <c>[ExportCodeFixProvider]</c> attributes), so that a new rule is covered
    /// without touching these tests.
    /// </summary>
    internal static class ShippedComponents
    {
        public static Assembly AnalyzerAssembly => typeof(AtomicWriteAnalyzer.Rules.SensitiveFileAnalyzer).Assembly;

        public static Assembly CodeFixAssembly => typeof(AtomicWriteAnalyzer.CodeFixes.Rules.InPlaceOverwriteFixer).Assembly;

        public static ImmutableArray<DiagnosticAnalyzer> Analyzers() =>
            Instances<DiagnosticAnalyzer, DiagnosticAnalyzerAttribute>(AnalyzerAssembly);

        public static ImmutableArray<CodeFixProvider> CodeFixes() =>
            Instances<CodeFixProvider, ExportCodeFixProviderAttribute>(CodeFixAssembly);

        private static ImmutableArray<T> Instances<T, TAttribute>(Assembly assembly)
            where TAttribute : Attribute
        {
            return assembly.GetTypes()
                .Where(type => typeof(T).IsAssignableFrom(type) && !type.IsAbstract && type.GetCustomAttribute<TAttribute>() != null)
                .OrderBy(type => type.FullName, StringComparer.Ordinal)
                .Select(type => (T)Activator.CreateInstance(type)!)
                .ToImmutableArray();
        }
    }
}
