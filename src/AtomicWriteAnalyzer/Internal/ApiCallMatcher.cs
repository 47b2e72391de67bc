using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Internal
{
    /// <summary>
    /// Matches invocations and object creations against the <see cref="ApiCatalog"/>: by name first (a static set),
    /// then by type (resolved lazily), then decides the effect from the arguments (<c>FileMode</c>, <c>FileAccess</c>,
    /// <c>FileStreamOptions</c>, <c>append</c>, <c>overwrite</c>). Never throws on broken code.
    /// </summary>
    internal static class ApiCallMatcher
    {
        private const int FileModeCreateNew = 1;
        private const int FileModeCreate = 2;
        private const int FileModeOpen = 3;
        private const int FileModeOpenOrCreate = 4;
        private const int FileModeTruncate = 5;
        private const int FileModeAppend = 6;
        private const int FileAccessRead = 1;
        private const int FileAccessWrite = 2;
        private const int FileAccessReadWrite = 3;

        public static ApiCall? Match(IOperation? operation, AnalyzerCompilationContext context)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    return MatchInvocation(invocation, context);
                case IObjectCreationOperation creation:
                    return MatchCreation(creation, context);
                default:
                    return null;
            }
        }

        public static bool IsCandidateName(IOperation operation) => operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod != null && ApiCatalog.MethodNames.Contains(invocation.TargetMethod.Name),
            IObjectCreationOperation creation => creation.Constructor?.ContainingType != null && ApiCatalog.ConstructorTypeNames.Contains(creation.Constructor.ContainingType.Name),
            _ => false,
        };

        private static ApiCall? MatchInvocation(IInvocationOperation invocation, AnalyzerCompilationContext context)
        {
            var method = invocation.TargetMethod;
            if (method == null || !ApiCatalog.MethodNames.Contains(method.Name))
            {
                return null;
            }

            var type = method.ContainingType;
            if (type == null)
            {
                return null;
            }

            foreach (var entry in ApiCatalog.ForMethod(method.Name))
            {
                if (DeclaredBy(method, entry.TypeMetadataName, context))
                {
                    return Build(invocation, method, entry, ApiFamily.SystemIO, entry.Display, invocation.Instance);
                }
            }

            return MatchAbstraction(invocation, method, type) ?? MatchLookAlike(invocation, method, type, context);
        }

        /// <summary>
        /// A user's file-system wrapper that mirrors <c>File</c> (<c>IFileService.WriteAllText(string path, string text)</c>,
        /// <c>IStorage.Open(string path, FileMode mode)</c>) and whose body cannot be seen: an interface or abstract
        /// member, or one from another assembly. Its first parameter must be a path-like string, its name one of
        /// <c>File</c>'s overwrites, and <c>Create</c>/<c>OpenWrite</c>/<c>CreateText</c> must return a stream or
        /// writer. Types named atomic, safe, durable or transactional are trusted. Reported, never fixed.
        /// </summary>
        private static ApiCall? MatchLookAlike(IInvocationOperation invocation, IMethodSymbol method, INamedTypeSymbol type, AnalyzerCompilationContext context)
        {
            var entry = ApiCatalog.Mirrored("System.IO.File", method.Name);
            if (entry == null || (entry.Role != ApiRole.Overwrite && entry.Role != ApiRole.OpenByMode) || entry.Shape == "Copy"
                || method.Parameters.Length == 0)
            {
                return null;
            }

            var first = method.Parameters[0];
            if (first.Type.SpecialType != SpecialType.System_String || !HelperSummaries.IsPathLikeName(first.Name))
            {
                return null;
            }

            bool bodyVisible = !method.IsAbstract && !method.IsExtern && type.TypeKind != TypeKind.Interface
                && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, context.Compilation.Assembly);
            if (bodyVisible || IsTrustedWrapper(type) || OperationHelpers.NamespaceStartsWith(type.ContainingNamespace, "System"))
            {
                return null;
            }

            if ((entry.Shape == "FileCreate" || entry.Shape == "FileOpenWrite" || entry.Shape == "FileCreateText") && !ReturnsStreamOrWriter(method))
            {
                return null;
            }

            var path = invocation.Arguments.FirstOrDefault(a => a?.Parameter?.Ordinal == 0)?.Value;
            return Build(invocation, method, entry, ApiFamily.LookAlike, type.Name + "." + method.Name, invocation.Instance, OperationHelpers.Unwrap(path));
        }

        private static bool IsTrustedWrapper(INamedTypeSymbol type)
        {
            if (OperationHelpers.NamespaceStartsWith(type.ContainingNamespace, "AtomicWrite"))
            {
                return true;
            }

            foreach (string word in WordSplitter.Split(type.Name))
            {
                if (word == "atomic" || word == "safe" || word == "durable" || word == "transactional" || word == "transaction")
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ReturnsStreamOrWriter(IMethodSymbol method)
        {
            for (var type = method.ReturnType; type != null; type = type.BaseType)
            {
                if (type.Name.EndsWith("Stream", StringComparison.Ordinal) || type.Name.EndsWith("Writer", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            foreach (var implemented in method.ReturnType?.AllInterfaces ?? ImmutableArray<INamedTypeSymbol>.Empty)
            {
                if (implemented.Name.EndsWith("Stream", StringComparison.Ordinal) || implemented.Name.EndsWith("Writer", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return method.ReturnType?.Name.EndsWith("Stream", StringComparison.Ordinal) == true;
        }

        private static ApiCall? MatchCreation(IObjectCreationOperation creation, AnalyzerCompilationContext context)
        {
            var constructor = creation.Constructor;
            var type = constructor?.ContainingType;
            if (constructor == null || type == null || !ApiCatalog.ConstructorTypeNames.Contains(type.Name))
            {
                return null;
            }

            foreach (var entry in ApiCatalog.ForConstructor(type.Name))
            {
                if (context.IsType(type, entry.TypeMetadataName))
                {
                    return Build(creation, constructor, entry, ApiFamily.SystemIO, entry.Display, receiver: null);
                }
            }

            return null;
        }

        /// <summary>
        /// <c>System.IO.Abstractions</c> by name and shape: <c>IFile.WriteAllText</c>, <c>IFileInfo.Create</c>,
        /// <c>IFileStreamFactory.New(path, FileMode)</c>, and their wrapper and mock classes.
        /// </summary>
        private static ApiCall? MatchAbstraction(IInvocationOperation invocation, IMethodSymbol method, INamedTypeSymbol type)
        {
            if (!ApiCatalog.AbstractionMirrors.TryGetValue(type.Name, out string? mirrored)
                || !OperationHelpers.NamespaceStartsWith(type.ContainingNamespace, ApiCatalog.AbstractionsNamespace))
            {
                return null;
            }

            string member = mirrored == "System.IO.FileStream" && ApiCatalog.FileStreamFactoryMethods.Contains(method.Name) ? ".ctor" : method.Name;
            var entry = ApiCatalog.Mirrored(mirrored, member);
            if (entry == null)
            {
                return null;
            }

            return Build(invocation, method, entry, ApiFamily.FileSystemAbstractions, type.Name + "." + method.Name, invocation.Instance);
        }

        /// <summary>Whether the method is declared by (or overrides a member of) the catalogued type.</summary>
        private static bool DeclaredBy(IMethodSymbol method, string typeMetadataName, AnalyzerCompilationContext context)
        {
            var current = method;
            for (int i = 0; i < 4 && current != null; i++)
            {
                if (context.IsType(current.ContainingType, typeMetadataName))
                {
                    return true;
                }

                current = current.OverriddenMethod;
            }

            return false;
        }

        private static ApiCall? Build(IOperation operation, IMethodSymbol method, ApiEntry entry, ApiFamily family, string display, IOperation? receiver, IOperation? explicitPath = null)
        {
            IOperation? path;
            if (explicitPath != null)
            {
                path = explicitPath;
            }
            else if (entry.PathIsReceiver)
            {
                path = OperationHelpers.Unwrap(receiver);
            }
            else
            {
                path = PathArgument(operation, entry.PathParameters);
                if (path == null)
                {
                    // An overload without a path parameter (StreamWriter(Stream), XDocument.Save(TextWriter)): not a file API.
                    return null;
                }
            }

            var target = entry.TargetParameter != null ? OperationHelpers.ArgumentValue(operation, entry.TargetParameter) : null;
            var effect = Effect(operation, entry);
            if (effect == FileEffect.Overwrite)
            {
                display += Qualifier(operation, entry);
            }

            return new ApiCall(operation, method, entry, family, effect, path, target, display);
        }

        /// <summary>What makes the call an overwrite, when an argument does: <c>(FileMode.Create)</c>, <c>(overwrite: true)</c>.</summary>
        private static string Qualifier(IOperation operation, ApiEntry entry)
        {
            if (entry.Rule == ArgumentRule.OverwriteFlag)
            {
                return "(overwrite: true)";
            }

            if (entry.Rule != ArgumentRule.FileMode)
            {
                return "";
            }

            int? mode = null;
            var options = OperationHelpers.ArgumentOfType(operation, "System.IO", "FileStreamOptions");
            if (options != null)
            {
                TryReadOptions(options.Value, out mode, out _);
            }
            else
            {
                mode = OperationHelpers.ConstantInt(OperationHelpers.ArgumentOfType(operation, "System.IO", "FileMode")?.Value);
            }

            return mode switch
            {
                FileModeCreate => "(FileMode.Create)",
                FileModeTruncate => "(FileMode.Truncate)",
                FileModeOpenOrCreate => "(FileMode.OpenOrCreate)",
                _ => "",
            };
        }

        private static IOperation? PathArgument(IOperation operation, ImmutableArray<string> names)
        {
            foreach (var argument in OperationHelpers.Arguments(operation))
            {
                var parameter = argument?.Parameter;
                if (parameter != null && parameter.Type?.SpecialType == SpecialType.System_String && names.Contains(parameter.Name))
                {
                    return OperationHelpers.Unwrap(argument!.Value);
                }
            }

            return null;
        }

        private static FileEffect Effect(IOperation operation, ApiEntry entry)
        {
            switch (entry.Role)
            {
                case ApiRole.Read:
                    return FileEffect.Read;
                case ApiRole.Rename:
                    return FileEffect.Rename;
                case ApiRole.OpenByMode:
                    return ByFileMode(operation, defaultAccess: FileAccessReadWrite);
            }

            switch (entry.Rule)
            {
                case ArgumentRule.Append:
                    if (OperationHelpers.ArgumentOfType(operation, "System.IO", "FileStreamOptions") != null)
                    {
                        return ByFileMode(operation, defaultAccess: FileAccessWrite);
                    }

                    var append = Explicit(operation, "append");
                    if (append == null)
                    {
                        return FileEffect.Overwrite;
                    }

                    bool? appends = OperationHelpers.ConstantBool(append);
                    return appends == null ? FileEffect.Unknown : appends.Value ? FileEffect.Append : FileEffect.Overwrite;

                case ArgumentRule.OverwriteFlag:
                    bool? overwrite = OperationHelpers.ConstantBool(Explicit(operation, "overwrite"));
                    return overwrite == null ? (Explicit(operation, "overwrite") == null ? FileEffect.Other : FileEffect.Unknown)
                        : overwrite.Value ? FileEffect.Overwrite : FileEffect.Other;

                default:
                    return FileEffect.Overwrite;
            }
        }

        private static IOperation? Explicit(IOperation operation, string parameterName)
        {
            foreach (var argument in OperationHelpers.Arguments(operation))
            {
                if (argument?.Parameter?.Name == parameterName && OperationHelpers.IsExplicit(argument))
                {
                    return argument.Value;
                }
            }

            return null;
        }

        /// <summary>
        /// Create and Truncate overwrite; OpenOrCreate overwrites when it can write (it does not truncate, so a shorter
        /// write leaves stale bytes); Open with read access reads; Append appends; CreateNew never overwrites.
        /// <c>FileOptions.WriteThrough</c> changes nothing: the file is still truncated before the new bytes land.
        /// </summary>
        private static FileEffect ByFileMode(IOperation operation, int defaultAccess)
        {
            int? mode;
            int? access;
            var options = OperationHelpers.ArgumentOfType(operation, "System.IO", "FileStreamOptions");
            if (options != null)
            {
                // FileStreamOptions defaults: Mode = Open, Access = Read.
                if (!TryReadOptions(options.Value, out mode, out access))
                {
                    return FileEffect.Unknown;
                }

                mode ??= FileModeOpen;
                access ??= defaultAccess == FileAccessWrite ? FileAccessWrite : FileAccessRead;
            }
            else
            {
                var modeArgument = OperationHelpers.ArgumentOfType(operation, "System.IO", "FileMode");
                if (modeArgument == null)
                {
                    return FileEffect.Unknown;
                }

                mode = OperationHelpers.ConstantInt(modeArgument.Value);
                var accessArgument = OperationHelpers.ArgumentOfType(operation, "System.IO", "FileAccess");
                access = OperationHelpers.IsExplicit(accessArgument) ? OperationHelpers.ConstantInt(accessArgument!.Value) : (mode == FileModeAppend ? FileAccessWrite : defaultAccess);
            }

            switch (mode)
            {
                case FileModeCreate:
                case FileModeTruncate:
                    return FileEffect.Overwrite;
                case FileModeOpenOrCreate:
                    return access == null ? FileEffect.Unknown : (access.Value & FileAccessWrite) != 0 ? FileEffect.Overwrite : FileEffect.Read;
                case FileModeOpen:
                    return access == null ? FileEffect.Unknown : access.Value == FileAccessRead || access.Value == FileAccessReadWrite ? FileEffect.Read : FileEffect.Other;
                case FileModeAppend:
                    return FileEffect.Append;
                case FileModeCreateNew:
                    return FileEffect.CreateNew;
                default:
                    return FileEffect.Unknown;
            }
        }

        /// <summary>Reads <c>Mode</c> and <c>Access</c> from <c>new FileStreamOptions { Mode = ..., Access = ... }</c>.</summary>
        private static bool TryReadOptions(IOperation? value, out int? mode, out int? access)
        {
            mode = null;
            access = null;
            if (!(OperationHelpers.Unwrap(value) is IObjectCreationOperation creation))
            {
                return false;
            }

            if (creation.Initializer == null)
            {
                return true;
            }

            foreach (var initializer in creation.Initializer.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation property)
                {
                    int? constant = OperationHelpers.ConstantInt(assignment.Value);
                    switch (property.Property?.Name)
                    {
                        case "Mode":
                            if (constant == null)
                            {
                                return false;
                            }

                            mode = constant;
                            break;
                        case "Access":
                            if (constant == null)
                            {
                                return false;
                            }

                            access = constant;
                            break;
                    }
                }
            }

            return true;
        }
    }
}
