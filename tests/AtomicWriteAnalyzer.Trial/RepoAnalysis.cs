using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AtomicWriteAnalyzer.Trial
{
    /// <summary>One project's outcome: how well it bound, and what our analyzers reported in its own sources.</summary>
    internal sealed record ProjectOutcome(string Project, int Files, int CompileErrors, int WriteApiCalls, IReadOnlyList<Location> UnboundWriteApiCalls, IReadOnlyList<string> MissingPackages, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<Diagnostic> ScopeAllDiagnostics);

    /// <summary>
    /// Compiles each project of an extracted repository (referenced projects first, as metadata) and runs our analyzers
    /// in process twice: with default options, as a user who installs the package gets them, and with
    /// <c>atomic_write.scope = all</c>, whose extra reports are candidates for the in-place overwrites a rule missed.
    /// </summary>
    internal sealed class RepoAnalysis
    {
        // Calls a catalogued write or replace is made by; the share of these that do not bind says whether a
        // repository's figures can be trusted (an unbound call is invisible to the rules). A bound call counts when it
        // binds to System.IO or System.Xml; an unbound one when its overload candidates are there, or when it is
        // written on File itself (File.WriteAllText with an argument whose type did not bind). An unbound call on any
        // other receiver (a wrapper of the project's own, a library's TagLib.File) cannot be told apart and is not counted.
        private static readonly HashSet<string> WriteNames = new(StringComparer.Ordinal)
        {
            "WriteAllText", "WriteAllBytes", "WriteAllLines", "WriteAllTextAsync", "WriteAllBytesAsync", "WriteAllLinesAsync",
            "AppendAllText", "AppendAllLines", "AppendAllTextAsync", "AppendAllLinesAsync", "OpenWrite", "CreateText",
            "Create", "Open", "Move", "Replace", "Copy", "CopyTo", "MoveTo", "Save",
        };

        private static readonly HashSet<string> CatalogNamespaces = new(StringComparer.Ordinal) { "System.IO", "System.Xml", "System.Xml.Linq", "System.IO.Abstractions" };

        private static readonly HashSet<string> StreamTypes = new(StringComparer.Ordinal) { "FileStream", "StreamWriter" };

        private static readonly string[] ImplicitUsings = { "System", "System.IO", "System.Collections.Generic", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks" };

        private static readonly string[] WebImplicitUsings =
        {
            "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing",
            "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
        };

        // The SDK's symbols for the newest target here; code under #if of an older or Windows-only target is not seen.
        private static readonly string[] PreprocessorSymbols =
            new[] { "TRACE", "RELEASE", "NET", "NETCOREAPP" }
                .Concat(new[] { "NET5_0", "NET6_0", "NET7_0", "NET8_0", "NET9_0", "NET10_0" }.Select(s => s + "_OR_GREATER"))
                .Concat(new[] { "NETCOREAPP1_0", "NETCOREAPP2_0", "NETCOREAPP3_0", "NETCOREAPP3_1" }.Select(s => s + "_OR_GREATER"))
                .Concat(new[] { "NETSTANDARD2_0_OR_GREATER", "NETSTANDARD2_1_OR_GREATER", "NET10_0" })
                .ToArray();

        private readonly References _references;
        private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;

        public RepoAnalysis(References references, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            _references = references;
            _analyzers = analyzers;
        }

        public IReadOnlyList<ProjectOutcome> Analyze(string root)
        {
            var projects = SourceProject.FindAll(root);
            var byPath = projects.ToDictionary(p => Path.GetFullPath(p.Path), StringComparer.Ordinal);
            var built = new Dictionary<string, CSharpCompilation?>(StringComparer.Ordinal);
            var outcomes = new List<ProjectOutcome>();
            foreach (var project in projects)
            {
                Build(project, byPath, built, outcomes, new HashSet<string>(StringComparer.Ordinal));
            }

            return outcomes;
        }

        private CSharpCompilation? Build(SourceProject project, Dictionary<string, SourceProject> byPath, Dictionary<string, CSharpCompilation?> built, List<ProjectOutcome> outcomes, HashSet<string> visiting)
        {
            var key = Path.GetFullPath(project.Path);
            if (built.TryGetValue(key, out var done) || !visiting.Add(key))
            {
                return done;
            }

            var references = new List<MetadataReference>(_references.Framework);
            if (project.WindowsDesktop)
            {
                references.AddRange(_references.WindowsDesktop);
            }

            foreach (var reference in project.ProjectReferences)
            {
                if (byPath.TryGetValue(reference, out var referenced) && Build(referenced, byPath, built, outcomes, visiting) is { } compilation)
                {
                    references.Add(compilation.ToMetadataReference());
                }
            }

            var missing = new List<string>();
            foreach (var package in PackagesWithReferencedProjects(project, byPath))
            {
                var assemblies = _references.PackageWithDependencies(package);
                if (assemblies is null)
                {
                    missing.Add(package);
                }
                else
                {
                    references.AddRange(assemblies);
                }
            }

            var parse = new CSharpParseOptions(LanguageVersion.Preview, preprocessorSymbols: PreprocessorSymbols);
            var trees = project.Sources.Select(s => CSharpSyntaxTree.ParseText(File.ReadAllText(s), parse, s)).ToList();
            if (project.ImplicitUsings)
            {
                var usings = project.Web ? ImplicitUsings.Concat(WebImplicitUsings) : ImplicitUsings;
                trees.Add(CSharpSyntaxTree.ParseText(string.Concat(usings.Select(u => $"global using global::{u};\n")), parse, Path.Combine(Path.GetDirectoryName(project.Path)!, "obj", "GlobalUsings.g.cs")));
            }

            var options = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                allowUnsafe: true,
                nullableContextOptions: project.Nullable ? NullableContextOptions.Enable : NullableContextOptions.Disable);
            var result = SdkGenerators.Run(_references.Generators, CSharpCompilation.Create(project.Name, trees, references.Distinct(), options), parse);
            built[key] = result;
            if (project.Sources.Count == 0)
            {
                return result;
            }

            var errors = result.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
            var (calls, unbound) = CountWriteApiCalls(result);
            var diagnostics = RunAnalyzers(result, project, new Dictionary<string, string>());
            var scopeAll = RunAnalyzers(result, project, new Dictionary<string, string> { ["atomic_write.scope"] = "all" });
            outcomes.Add(new ProjectOutcome(project.Name, project.Sources.Count, errors, calls, unbound, missing, diagnostics, scopeAll));
            return result;
        }

        // A package a referenced project names flows to this one, as the SDK's restore makes it flow.
        private static IEnumerable<string> PackagesWithReferencedProjects(SourceProject project, Dictionary<string, SourceProject> byPath)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<SourceProject>(new[] { project });
            var packages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                if (!seen.Add(Path.GetFullPath(current.Path)))
                {
                    continue;
                }

                packages.UnionWith(current.Packages);
                foreach (var reference in current.ProjectReferences)
                {
                    if (byPath.TryGetValue(reference, out var referenced))
                    {
                        pending.Push(referenced);
                    }
                }
            }

            return packages.OrderBy(p => p, StringComparer.OrdinalIgnoreCase);
        }

        private IReadOnlyList<Diagnostic> RunAnalyzers(CSharpCompilation compilation, SourceProject project, IReadOnlyDictionary<string, string> options)
        {
            var withAnalyzers = compilation.WithAnalyzers(_analyzers, new CompilationWithAnalyzersOptions(
                FixedOptions.Of(project.IsTestProject ? new Dictionary<string, string>(options) { ["build_property.IsTestProject"] = "true" } : options),
                onAnalyzerException: (exception, analyzer, _) => Console.Error.WriteLine($"analyzer {analyzer.GetType().Name} threw on {project.Name}: {exception.Message}"),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false));
            var sources = new HashSet<string>(project.Sources, StringComparer.Ordinal);
            return withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult()
                .Where(d => d.Location.IsInSource && sources.Contains(d.Location.SourceTree!.FilePath))
                .ToList();
        }

        private static (int Calls, IReadOnlyList<Location> Unbound) CountWriteApiCalls(CSharpCompilation compilation)
        {
            var calls = 0;
            var unbound = new List<Location>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    var (catalogued, bound) = node switch
                    {
                        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => Classify(access, model.GetSymbolInfo(node)),
                        BaseObjectCreationExpressionSyntax creation when StreamTypes.Contains(CreatedTypeName(creation)) => Classify(model.GetSymbolInfo(node)),
                        _ => (false, false),
                    };
                    if (catalogued)
                    {
                        calls++;
                        if (!bound)
                        {
                            unbound.Add(node.GetLocation());
                        }
                    }
                }
            }

            return (calls, unbound);
        }

        private static (bool Catalogued, bool Bound) Classify(MemberAccessExpressionSyntax access, SymbolInfo info)
        {
            if (!WriteNames.Contains(access.Name.Identifier.ValueText))
            {
                return (false, false);
            }

            if (info.Symbol is not null || info.CandidateSymbols.Length > 0)
            {
                return Classify(info);
            }

            var receiver = access.Expression.ToString();
            return (receiver is "File" or "System.IO.File" or "IO.File", false);
        }

        private static (bool Catalogued, bool Bound) Classify(SymbolInfo info) =>
            info.Symbol is { } symbol
                ? (InCatalog(symbol), true)
                : (info.CandidateSymbols.Any(InCatalog) || info.CandidateSymbols.IsEmpty, false);

        private static bool InCatalog(ISymbol symbol) =>
            symbol.ContainingNamespace?.ToDisplayString() is { } name && CatalogNamespaces.Contains(name);

        private static string CreatedTypeName(BaseObjectCreationExpressionSyntax creation) =>
            creation is ObjectCreationExpressionSyntax { Type: var type }
                ? type.ToString().Split('.').Last()
                : string.Empty;
    }
}
