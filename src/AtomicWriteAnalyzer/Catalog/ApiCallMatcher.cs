using System.Collections.Immutable;
using AtomicWriteAnalyzer.Contract;
using AtomicWriteAnalyzer.Infrastructure;
using AtomicWriteAnalyzer.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Catalog
{
    /// <summary>
    /// Matches invocations and object creations against the <see cref="ApiCatalog"/>: by name first (a static set),
    /// then by type (resolved lazily), then decides the effect from the arguments (<c>FileMode</c>, <c>FileAccess</c>,
    /// <c>FileStreamOptions</c>, <c>append</c>, <c>overwrite</c>). Never throws on broken code.
    /// </summary>
    internal static class ApiCallMatcher
    {
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
                    var receiver = invocation.Instance ?? ExtensionReceiver(invocation, method);
                    if (entry.PathIsReceiver && invocation.Instance == null && !context.IsType(OperationHelpers.Unwrap(receiver)?.Type, "System.IO.FileInfo"))
                    {
                        // An extension on another receiver (FileSystemAclExtensions.Create(DirectoryInfo, ...)): no file opened.
                        continue;
                    }

                    return Build(invocation, method, entry, CallFamily.SystemIO, entry.Display, receiver);
                }
            }

            var abstraction = MatchAbstraction(invocation, method, type);
            if (abstraction != null)
            {
                return abstraction;
            }

            var mirrored = LookAlikeWrappers.Mirrored(invocation, method, type, context, out var path);
            return mirrored == null ? null : Build(invocation, method, mirrored, CallFamily.LookAlike, type.Name + "." + method.Name, invocation.Instance, path);
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
                    return Build(creation, constructor, entry, CallFamily.SystemIO, entry.Display, receiver: null);
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

            return Build(invocation, method, entry, CallFamily.FileSystemAbstractions, type.Name + "." + method.Name, invocation.Instance);
        }

        /// <summary>The <c>this</c> argument of an extension method's call (<c>fileInfo</c> in <c>fileInfo.Create(...)</c>), or null.</summary>
        private static IOperation? ExtensionReceiver(IInvocationOperation invocation, IMethodSymbol method) =>
            method.IsExtensionMethod && method.Parameters.Length > 0 ? OperationHelpers.ArgumentValue(invocation, method.Parameters[0].Name) : null;

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

        private static ApiCall? Build(IOperation operation, IMethodSymbol method, ApiEntry entry, CallFamily family, string display, IOperation? receiver, IOperation? explicitPath = null)
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
            var arguments = FileOpenArguments.Of(operation);
            var effect = Effect(operation, entry, arguments);
            if (effect == FileEffect.Overwrite)
            {
                display += Qualifier(entry, arguments);
            }

            return new ApiCall(operation, method, entry, family, effect, path, target, display, arguments);
        }

        /// <summary>What makes the call an overwrite, when an argument does: <c>(FileMode.Create)</c>, <c>(overwrite: true)</c>.</summary>
        private static string Qualifier(ApiEntry entry, FileOpenArguments arguments)
        {
            if (entry.Rule == ArgumentRule.OverwriteFlag)
            {
                return "(overwrite: true)";
            }

            if (entry.Rule != ArgumentRule.FileMode)
            {
                return "";
            }

            return arguments.Mode switch
            {
                FileOpenArguments.ModeCreate => "(FileMode.Create)",
                FileOpenArguments.ModeTruncate => "(FileMode.Truncate)",
                FileOpenArguments.ModeOpenOrCreate => "(FileMode.OpenOrCreate)",
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

        private static FileEffect Effect(IOperation operation, ApiEntry entry, FileOpenArguments arguments)
        {
            switch (entry.Role)
            {
                case ApiRole.Read:
                    return FileEffect.Read;
                case ApiRole.Rename:
                    return FileEffect.Rename;
                case ApiRole.OpenByMode:
                    return ByFileMode(arguments, defaultAccess: FileOpenArguments.AccessReadWrite);
            }

            switch (entry.Rule)
            {
                case ArgumentRule.Append:
                    if (arguments.HasOptions)
                    {
                        return ByFileMode(arguments, defaultAccess: FileOpenArguments.AccessWrite);
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
        private static FileEffect ByFileMode(FileOpenArguments arguments, int defaultAccess)
        {
            if (arguments.HasOptions ? !arguments.OptionsReadable : !arguments.HasModeArgument)
            {
                return FileEffect.Unknown;
            }

            // FileStreamOptions default to Mode = Open.
            int? mode = arguments.HasOptions ? arguments.Mode ?? FileOpenArguments.ModeOpen : arguments.Mode;
            int? access = arguments.EffectiveAccess(defaultAccess);
            switch (mode)
            {
                case FileOpenArguments.ModeCreate:
                case FileOpenArguments.ModeTruncate:
                    return FileEffect.Overwrite;
                case FileOpenArguments.ModeOpenOrCreate:
                    return access == null ? FileEffect.Unknown : (access.Value & FileOpenArguments.AccessWrite) != 0 ? FileEffect.Overwrite : FileEffect.Read;
                case FileOpenArguments.ModeOpen:
                    return access == null ? FileEffect.Unknown
                        : access.Value == FileOpenArguments.AccessRead || access.Value == FileOpenArguments.AccessReadWrite ? FileEffect.Read : FileEffect.Other;
                case FileOpenArguments.ModeAppend:
                    return FileEffect.Append;
                case FileOpenArguments.ModeCreateNew:
                    return FileEffect.CreateNew;
                default:
                    return FileEffect.Unknown;
            }
        }
    }
}
