using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AtomicWriteAnalyzer.Catalog;
using AtomicWriteAnalyzer.Infrastructure;
using AtomicWriteAnalyzer.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Paths
{
    /// <summary>
    /// Rebuilds a path from the operation that computes it: string literals and constants, <c>Path.Combine</c>/<c>Join</c>,
    /// interpolation, concatenation, <c>Path.ChangeExtension</c>, <c>Path.GetDirectoryName</c>/<c>GetFileName</c>,
    /// <c>Environment.GetFolderPath</c> (as <c>&lt;ApplicationData&gt;</c>), <c>Path.GetTempPath</c>/<c>GetTempFileName</c>,
    /// <c>new FileInfo(path)</c>/<c>.FullName</c>; traced through locals, parameters (unknown text, known name), and
    /// the fields, properties and methods of the analysed type (<see cref="IPathFacts"/>). Bounded in depth and steps,
    /// safe on cycles; whatever it cannot know becomes <c>**</c>.
    /// </summary>
    internal sealed class PathReconstruction
    {
        private const int MaxDepth = 10;
        private const int MaxSteps = 400;
        private const int MaxAlternatives = PathPiece.MaxAlternatives;

        private readonly AnalyzerCompilationContext _context;
        private readonly IPathFacts _facts;
        private readonly HashSet<ISymbol> _visiting = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        private int _steps;

        private PathReconstruction(AnalyzerCompilationContext context, IPathFacts facts)
        {
            _context = context;
            _facts = facts;
        }

        public static PathModel Reconstruct(IOperation? path, AnalyzerCompilationContext context, IPathFacts facts)
        {
            var piece = new PathReconstruction(context, facts).Visit(path, 0);
            return new PathModel(piece.Texts.Select(Normalize).Distinct().ToImmutableArray(), piece.Holders.ToImmutableArray(), piece.Origins, piece.OriginDetail);
        }

        private PathPiece Visit(IOperation? operation, int depth)
        {
            operation = OperationHelpers.Unwrap(operation);
            if (operation == null || depth > MaxDepth || ++_steps > MaxSteps)
            {
                return PathPiece.Unknown();
            }

            if (operation is IInvocationOperation || operation is IPropertyReferenceOperation)
            {
                string? unique = UniqueValues.Describe(operation, _context);
                if (unique != null)
                {
                    return PathPiece.Unknown().WithOrigin(PathOrigin.UniqueName, unique);
                }
            }

            switch (operation)
            {
                case ILocalReferenceOperation local when local.Local != null:
                    return ThroughSymbol(local.Local, HolderKind.Local, depth, () => _facts.DefinitionsOf(local.Local, local));
                case IParameterReferenceOperation parameter when parameter.Parameter != null:
                    return PathPiece.Unknown().WithHolder(new PathHolder(HolderKind.Parameter, parameter.Parameter, isWhole: true));
                case IFieldReferenceOperation field when field.Field != null:
                    return VisitField(field.Field, depth);
                case IPropertyReferenceOperation property when property.Property != null:
                    return VisitProperty(property, depth);
                case IInvocationOperation invocation when invocation.TargetMethod != null:
                    return VisitInvocation(invocation, depth);
                case IObjectCreationOperation creation when IsFileInfo(creation.Type):
                    return Visit(OperationHelpers.ArgumentValue(creation, "fileName"), depth + 1);
                case IInterpolatedStringOperation interpolated:
                    return Concat(VisitParts(interpolated.Parts.Select(part => part switch
                    {
                        IInterpolatedStringTextOperation text => text.Text,
                        IInterpolationOperation hole => hole.Expression,
                        _ => null,
                    }).ToList(), depth + 1));
                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add && binary.Type?.SpecialType == SpecialType.System_String:
                    return Concat(new List<PathPiece> { Visit(binary.LeftOperand, depth + 1), Visit(binary.RightOperand, depth + 1) });
                case IAwaitOperation awaited when awaited.Operation is IInvocationOperation picker && IsFilePickerMethod(picker.TargetMethod.Name):
                    return VisitInvocation(picker, depth + 1);
                case IConditionalOperation conditional:
                    return PathPiece.Union(Visit(conditional.WhenTrue, depth + 1), Visit(conditional.WhenFalse, depth + 1));
                case ICoalesceOperation coalesce:
                    return PathPiece.Union(Visit(coalesce.Value, depth + 1), Visit(coalesce.WhenNull, depth + 1));
            }

            if (operation.ConstantValue.HasValue)
            {
                return PathPiece.Text(operation.ConstantValue.Value switch
                {
                    string s => s,
                    null => "",
                    object other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? PathModel.Unknown,
                });
            }

            return PathPiece.Unknown();
        }

        private PathPiece ThroughSymbol(ISymbol symbol, HolderKind kind, int depth, Func<ImmutableArray<IOperation>> values)
        {
            var holder = new PathHolder(kind, symbol, isWhole: true);
            if (!_visiting.Add(symbol))
            {
                return PathPiece.Unknown().WithHolder(holder);
            }

            try
            {
                var definitions = values();
                if (definitions.IsDefaultOrEmpty)
                {
                    return PathPiece.Unknown().WithHolder(holder);
                }

                PathPiece? result = null;
                foreach (var definition in definitions.Take(MaxAlternatives))
                {
                    var piece = Visit(definition, depth + 1);
                    result = result == null ? piece : PathPiece.Union(result, piece);
                }

                return result!.WithHolder(holder);
            }
            finally
            {
                _visiting.Remove(symbol);
            }
        }

        private PathPiece VisitField(IFieldSymbol field, int depth)
        {
            if (field.HasConstantValue && field.ConstantValue is string constant)
            {
                return PathPiece.Text(constant).WithHolder(new PathHolder(HolderKind.Field, field, isWhole: true));
            }

            return ThroughSymbol(field, HolderKind.Field, depth, () => _facts.ValuesOf(field.OriginalDefinition));
        }

        private PathPiece VisitProperty(IPropertyReferenceOperation reference, int depth)
        {
            var property = reference.Property;
            var containing = property.ContainingType;
            string name = property.Name;

            if (containing != null)
            {
                if ((name == "FileName" || name == "FileNames") && IsFileDialog(containing))
                {
                    return PathPiece.Unknown().WithOrigin(PathOrigin.UserPicked, containing.Name + "." + name);
                }

                if (reference.Instance != null && PickedItemPathProperties.Contains(name))
                {
                    // pickedFile.Path.LocalPath: the path of a storage item keeps the item's origin.
                    var item = Visit(reference.Instance, depth + 1);
                    if ((item.Origins & PathOrigin.UserPicked) != 0)
                    {
                        return PathPiece.Unknown().WithOrigin(PathOrigin.UserPicked, item.OriginDetail ?? name);
                    }
                }

                if (IsFileInfo(containing) || (containing.Name == "FileSystemInfo" && OperationHelpers.NamespaceIs(containing.ContainingNamespace, "System.IO"))
                    || IsAbstractionFileInfo(containing))
                {
                    switch (name)
                    {
                        case "FullName":
                            return Visit(reference.Instance, depth + 1);
                        case "Name":
                            return Visit(reference.Instance, depth + 1).Map(PathModel.LastSegment);
                        case "DirectoryName":
                            return Visit(reference.Instance, depth + 1).Map(PathModel.DirectoryPart);
                    }
                }

                if (containing.Name == "AppContext" && name == "BaseDirectory" && OperationHelpers.NamespaceIs(containing.ContainingNamespace, "System"))
                {
                    return PathPiece.Text("<BaseDirectory>");
                }
            }

            if (!reference.Arguments.IsDefaultOrEmpty)
            {
                return PathPiece.Unknown();
            }

            var held = ThroughSymbol(property, HolderKind.Property, depth, () => _facts.ValuesOf(property.OriginalDefinition));

            // credential.FullPath: the object that holds the path names what the file is for.
            var owner = containing != null && IsDeclaredInSource(containing) && OwnPathProperties.Contains(name) ? OwnerHolder(reference.Instance) : null;
            return owner == null ? held : held.WithPartHolder(owner);
        }

        /// <summary>
        /// The properties that give an object's own file (<c>credential.FullPath</c>); <c>Settings.PidFile</c> or
        /// <c>Settings.DownloadFolder</c> are other files a settings object points to, and its name says nothing of them.
        /// </summary>
        private static readonly ImmutableHashSet<string> OwnPathProperties = ImmutableHashSet.Create(
            StringComparer.Ordinal, "FullPath", "FilePath", "Path", "FileName", "FullName", "Location", "PathName", "File");

        /// <summary>The local, parameter, field or property an instance member is read from, as a holder; else null.</summary>
        private static PathHolder? OwnerHolder(IOperation? instance) => OperationHelpers.Unwrap(instance) switch
        {
            ILocalReferenceOperation local => new PathHolder(HolderKind.Local, local.Local, isWhole: false),
            IParameterReferenceOperation parameter => new PathHolder(HolderKind.Parameter, parameter.Parameter, isWhole: false),
            IFieldReferenceOperation field => new PathHolder(HolderKind.Field, field.Field, isWhole: false),
            IPropertyReferenceOperation property when property.Arguments.IsDefaultOrEmpty => new PathHolder(HolderKind.Property, property.Property, isWhole: false),
            _ => null,
        };

        private PathPiece VisitInvocation(IInvocationOperation invocation, int depth)
        {
            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            string name = method.Name;
            var kind = PathCalls.Classify(method);
            if (kind != PathCallKind.None)
            {
                return VisitPathCall(invocation, kind, depth);
            }

            if (ApiCatalog.FileInfoFactoryMethods.Contains(name) && type != null && type.Name.EndsWith("FileInfoFactory", StringComparison.Ordinal))
            {
                var argument = invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;
                return Visit(argument, depth + 1);
            }

            if (name == "TryGetLocalPath")
            {
                return PathPiece.Unknown().WithOrigin(PathOrigin.UserPicked, "a picked storage item");
            }

            if (IsFilePickerMethod(name))
            {
                return PathPiece.Unknown().WithOrigin(PathOrigin.UserPicked, name);
            }

            if (type != null && OperationHelpers.NamespaceStartsWith(type.ContainingNamespace, "System"))
            {
                return PathPiece.Unknown();
            }

            // A method of the analysed type returns the path (GetSettingsPath()): its name is a holder; its return
            // values are traced. A method elsewhere contributes its name only.
            var held = ThroughSymbol(method.OriginalDefinition, HolderKind.Method, depth, () => _facts.ValuesOf(method.OriginalDefinition));
            return WithNewNameArgument(held, invocation, depth);
        }

        /// <summary>
        /// A path a project's method builds from a new name (<c>GetConfigPath(Guid.NewGuid() + ".json")</c>) is new too:
        /// the name's origin carries over, nothing else of the argument (its words are not the result's).
        /// </summary>
        private PathPiece WithNewNameArgument(PathPiece held, IInvocationOperation invocation, int depth)
        {
            const PathOrigin NewName = PathOrigin.UniqueName | PathOrigin.RandomFileName;
            if ((held.Origins & NewName) != 0)
            {
                return held;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value.Type?.SpecialType != SpecialType.System_String || argument.ArgumentKind != ArgumentKind.Explicit)
                {
                    continue;
                }

                var piece = Visit(argument.Value, depth + 1);
                if ((piece.Origins & NewName) != 0)
                {
                    return held.WithOrigin(piece.Origins & NewName, piece.OriginDetail ?? "a new name");
                }
            }

            return held;
        }

        /// <summary>What a <c>Path</c>, <c>Environment</c> or <c>string</c> call makes of the path (<see cref="PathCalls"/>).</summary>
        private PathPiece VisitPathCall(IInvocationOperation invocation, PathCallKind kind, int depth)
        {
            PathPiece PathArgument() => Visit(OperationHelpers.ArgumentValue(invocation, "path"), depth + 1);

            switch (kind)
            {
                case PathCallKind.Combine:
                case PathCallKind.Join:
                    return Combine(invocation, depth);
                case PathCallKind.ChangeExtension:
                    var extension = OperationHelpers.ArgumentValue(invocation, "extension");
                    string? newExtension = extension != null && extension.ConstantValue.HasValue ? extension.ConstantValue.Value as string : PathModel.Unknown;
                    return PathArgument().Map(text => ChangeExtension(text, newExtension));
                case PathCallKind.GetFullPath:
                case PathCallKind.TrimEndingDirectorySeparator:
                    return PathArgument();
                case PathCallKind.GetDirectoryName:
                    // The folder of a sensitive file is not sensitive: its holders' names say nothing about a sibling file.
                    return PathArgument().Map(PathModel.DirectoryPart).WithoutHolders();
                case PathCallKind.GetFileName:
                    return PathArgument().Map(PathModel.LastSegment).AsParts();
                case PathCallKind.GetTempPath:
                    return PathPiece.Text("<Temp>").WithOrigin(PathOrigin.TempDirectory, "Path.GetTempPath()");
                case PathCallKind.GetTempFileName:
                    return PathPiece.Text("<Temp>/**.tmp").WithOrigin(PathOrigin.TempFileName, "Path.GetTempFileName()");
                case PathCallKind.GetRandomFileName:
                    return PathPiece.Unknown().WithOrigin(PathOrigin.RandomFileName, "Path.GetRandomFileName()");
                case PathCallKind.GetFolderPath:
                    return PathPiece.Text("<" + SpecialFolderName(invocation) + ">");
                case PathCallKind.GetEnvironmentVariable:
                    return EnvironmentVariable(invocation);
                case PathCallKind.ExpandEnvironmentVariables:
                    return Visit(OperationHelpers.ArgumentValue(invocation, "name"), depth + 1);
                case PathCallKind.StringConcat:
                    return Concat(VisitParts(StringArguments(invocation).ToList(), depth + 1));
                case PathCallKind.StringSameText:
                    return Visit(invocation.Instance, depth + 1);
                default:
                    // GetFileNameWithoutExtension and the other members: nothing a path's words can be read from.
                    return PathPiece.Unknown();
            }
        }

        private static PathPiece EnvironmentVariable(IInvocationOperation invocation)
        {
            var variable = OperationHelpers.ArgumentValue(invocation, "variable");
            string? variableName = variable != null && variable.ConstantValue.HasValue ? variable.ConstantValue.Value as string : null;
            if (variableName != null && (variableName == "TEMP" || variableName == "TMP" || variableName == "TMPDIR"))
            {
                return PathPiece.Text("<Temp>").WithOrigin(PathOrigin.TempDirectory, "%" + variableName + "%");
            }

            return variableName == null ? PathPiece.Unknown() : PathPiece.Text("<" + variableName + ">");
        }

        private PathPiece Combine(IInvocationOperation invocation, int depth)
        {
            var parts = SkipRepeatedUnknowns(VisitParts(StringArguments(invocation).ToList(), depth + 1).Select(p => p.AsParts()).ToList());
            if (parts.Count == 0)
            {
                return PathPiece.Unknown();
            }

            var result = parts[0];
            for (int i = 1; i < parts.Count; i++)
            {
                result = PathPiece.Join(result, parts[i], JoinSegments);
            }

            return result;
        }

        /// <summary>The string arguments of a call, with a <c>params</c> array expanded.</summary>
        private static IEnumerable<IOperation?> StringArguments(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                var value = argument?.Value;
                if (value is IArrayCreationOperation array && array.Initializer != null)
                {
                    foreach (var element in array.Initializer.ElementValues)
                    {
                        yield return element;
                    }
                }
                else if (argument?.Parameter?.Type?.SpecialType == SpecialType.System_String || argument?.Parameter?.Type?.Name == "ReadOnlySpan")
                {
                    yield return value;
                }
            }
        }

        private static string SpecialFolderName(IInvocationOperation invocation)
        {
            var folder = OperationHelpers.ArgumentValue(invocation, "folder");
            if (folder is IFieldReferenceOperation field && field.Field != null)
            {
                return field.Field.Name;
            }

            int? value = OperationHelpers.ConstantInt(folder);
            if (value != null && folder?.Type is INamedTypeSymbol enumType)
            {
                foreach (var member in enumType.GetMembers())
                {
                    if (member is IFieldSymbol constant && constant.HasConstantValue && Equals(constant.ConstantValue, value.Value))
                    {
                        return constant.Name;
                    }
                }
            }

            return "SpecialFolder";
        }

        /// <summary>The properties that give a storage item's path (<c>IStorageFile.Path</c>, <c>Uri.LocalPath</c>).</summary>
        private static readonly ImmutableHashSet<string> PickedItemPathProperties = ImmutableHashSet.Create(StringComparer.Ordinal, "Path", "LocalPath", "AbsolutePath", "OriginalString");

        /// <summary>
        /// A file dialog whose <c>FileName</c> is a path the user picked: any <c>*Dialog</c> or <c>*Picker</c> of a
        /// UI library; of the project's own types only those that say they pick files (<c>SaveFileDialog</c>): a
        /// project's <c>ProfileDialog.FileName</c> is a name typed into a form, put under the app's own folder.
        /// </summary>
        private static bool IsFileDialog(INamedTypeSymbol type)
        {
            string name = type.Name;
            bool dialog = name.EndsWith("Dialog", StringComparison.Ordinal) || name.IndexOf("Picker", StringComparison.Ordinal) >= 0;
            return dialog && (!IsDeclaredInSource(type) || name.IndexOf("File", StringComparison.Ordinal) >= 0 || name.IndexOf("Folder", StringComparison.Ordinal) >= 0);
        }

        /// <summary>A method that asks the user for a file: <c>SaveFilePickerAsync</c>, <c>PickSaveFileAsync</c>, <c>ShowSaveFileDialog</c>.</summary>
        private static bool IsFilePickerMethod(string name) =>
            name.IndexOf("FilePicker", StringComparison.Ordinal) >= 0
            || (name.StartsWith("Pick", StringComparison.Ordinal) && name.IndexOf("File", StringComparison.Ordinal) >= 0)
            || (name.StartsWith("Show", StringComparison.Ordinal) && name.IndexOf("FileDialog", StringComparison.Ordinal) >= 0);

        private static bool IsDeclaredInSource(ISymbol symbol) => !symbol.DeclaringSyntaxReferences.IsDefaultOrEmpty;

        private bool IsFileInfo(ITypeSymbol? type) => _context.IsType(type, "System.IO.FileInfo");

        private static bool IsAbstractionFileInfo(INamedTypeSymbol type) => ApiCatalog.IsAbstractionOf(type, "System.IO.FileInfo");

        private static string JoinSegments(string left, string right)
        {
            if (left.Length == 0)
            {
                return right;
            }

            if (right.Length == 0)
            {
                return left;
            }

            if (right[0] == '/' || right[0] == '\\' || (right.Length > 1 && right[1] == ':') || right[0] == '<')
            {
                // Path.Combine drops what comes before a rooted part.
                return right;
            }

            return left[left.Length - 1] == '/' || left[left.Length - 1] == '\\' ? left + right : left + "/" + right;
        }

        private static string ChangeExtension(string text, string? extension)
        {
            string name = PathModel.LastSegment(text);
            string directory = text.Substring(0, text.Length - name.Length);
            int dot = name.LastIndexOf('.');
            string stem = dot <= 0 ? name : name.Substring(0, dot);
            if (extension == null)
            {
                return directory + stem;
            }

            return directory + stem + (extension.StartsWith(".", StringComparison.Ordinal) || extension == PathModel.Unknown ? extension : "." + extension);
        }

        /// <summary>
        /// Visits the parts of a concatenation or <c>Path.Combine</c> last to first: when the step budget runs out in a
        /// path of thousands of parts, the unknown parts are the leading folders, and the file name survives.
        /// </summary>
        private List<PathPiece> VisitParts(List<IOperation?> operations, int depth)
        {
            var pieces = new PathPiece[operations.Count];
            for (int i = operations.Count - 1; i >= 0; i--)
            {
                pieces[i] = Visit(operations[i], depth);
            }

            return pieces.ToList();
        }

        /// <summary>
        /// Drops an unknown part that follows another (both <c>**</c>, with no holder or origin): joined they normalize to
        /// one <c>**</c> anyway, and past the step budget every part is unknown, so joining thousands of them one by one
        /// (each join copying the text so far) would be quadratic.
        /// </summary>
        private static List<PathPiece> SkipRepeatedUnknowns(List<PathPiece> parts)
        {
            var kept = new List<PathPiece>(parts.Count);
            foreach (var part in parts)
            {
                if (!(part.IsBareUnknown && kept.Count > 0 && kept[kept.Count - 1].IsBareUnknown))
                {
                    kept.Add(part);
                }
            }

            return kept;
        }

        private static PathPiece Concat(List<PathPiece> parts)
        {
            parts = SkipRepeatedUnknowns(parts);
            if (parts.Count == 0)
            {
                return PathPiece.Text("");
            }

            if (parts.Count == 1)
            {
                return parts[0];
            }

            // A part keeps its holders only when it forms whole segments: a folder before a separator, or the whole
            // file name after one. A fragment ("{id}" in "{id}.json") says nothing about the file.
            var kept = new List<PathPiece>(parts.Count);
            for (int i = 0; i < parts.Count; i++)
            {
                bool startsSegment = i == 0 || parts[i - 1].EndsWithSeparator || parts[i].StartsWithSeparator;
                bool endsSegment = i == parts.Count - 1 || parts[i + 1].StartsWithSeparator || parts[i].EndsWithSeparator;
                kept.Add(startsSegment && endsSegment ? parts[i].AsParts() : parts[i].WithoutHolders());
            }

            var result = kept[0];
            for (int i = 1; i < kept.Count; i++)
            {
                result = PathPiece.Join(result, kept[i], (a, b) => a + b);
            }

            return result;
        }

        private static string Normalize(string text)
        {
            string normalized = text.Replace('\\', '/');
            while (normalized.IndexOf("***", StringComparison.Ordinal) >= 0)
            {
                normalized = normalized.Replace("***", "**");
            }

            while (normalized.IndexOf("**/**", StringComparison.Ordinal) >= 0)
            {
                normalized = normalized.Replace("**/**", "**");
            }

            return normalized;
        }
    }
}
