using System.Linq;
using AtomicWriteAnalyzer.Contract;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.CodeFixes.Rules.InPlaceOverwrite
{
    /// <summary>
    /// A stream or writer creation that <c>AtomicFile.Create</c>/<c>CreateText</c> can replace without changing what
    /// gets written: the path, and the arguments worth keeping (buffer size, encoding). Refused: <c>Truncate</c>
    /// (fails on a missing file), <c>OpenOrCreate</c> other than <c>File.OpenWrite</c> (read-modify semantics),
    /// <c>append: true</c>, <c>FileStreamOptions</c>, <c>FileOptions.DeleteOnClose</c>/<c>Encrypted</c>, and dropped
    /// arguments that are not constants (they might have side effects).
    /// </summary>
    internal sealed class StreamCreation
    {
        private const int FileModeCreate = 2;
        private const int FileAccessWrite = 2;
        private const int FileAccessReadWrite = 3;
        private const int FileOptionsEncrypted = 0x4000;
        private const int FileOptionsDeleteOnClose = 0x04000000;

        private StreamCreation(bool isText, ExpressionSyntax path, ExpressionSyntax? extra)
        {
            IsText = isText;
            Path = path;
            Extra = extra;
        }

        /// <summary><c>CreateText</c> (a writer) rather than <c>Create</c> (a stream).</summary>
        public bool IsText { get; }

        public ExpressionSyntax Path { get; }

        /// <summary>The buffer size (<c>Create</c>) or encoding (<c>CreateText</c>) to pass on, if any.</summary>
        public ExpressionSyntax? Extra { get; }

        public string MethodName => IsText ? "CreateText" : "Create";

        public static StreamCreation? Analyze(CallShape shape, IOperation operation, SyntaxGenerator generator)
        {
            var arguments = operation switch
            {
                IInvocationOperation invocation => invocation.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => default,
            };
            if (arguments.IsDefault || arguments.Any(a => a.Parameter == null))
            {
                return null;
            }

            switch (shape)
            {
                case CallShape.FileStream:
                case CallShape.FileCreate:
                case CallShape.FileOpen:
                    return Stream(arguments, PathArgument(arguments), requireCreateMode: shape != CallShape.FileCreate);
                case CallShape.FileOpenWrite:
                    return Stream(arguments, PathArgument(arguments), requireCreateMode: false);
                case CallShape.FileInfoCreate:
                case CallShape.FileInfoOpenWrite:
                    return Stream(arguments, ReceiverPath(operation, generator), requireCreateMode: false);
                case CallShape.FileInfoOpen:
                    return Stream(arguments, ReceiverPath(operation, generator), requireCreateMode: true);
                case CallShape.FileCreateText:
                    return Text(arguments, PathArgument(arguments));
                case CallShape.FileInfoCreateText:
                case CallShape.StreamWriter:
                    return Text(arguments, shape == CallShape.StreamWriter ? PathArgument(arguments) : ReceiverPath(operation, generator));
                default:
                    return null;
            }
        }

        private static StreamCreation? Stream(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, ExpressionSyntax? path, bool requireCreateMode)
        {
            if (path == null)
            {
                return null;
            }

            ExpressionSyntax? bufferSize = null;
            bool sawMode = false;
            foreach (var argument in arguments)
            {
                if (argument.Parameter!.Name == "bufferSize")
                {
                    if (argument.ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        bufferSize = (argument.Syntax as ArgumentSyntax)?.Expression;
                        if (bufferSize == null)
                        {
                            return null;
                        }
                    }

                    continue;
                }

                sawMode |= argument.Parameter.Name == "mode";
                if (!KeepsMeaning(argument))
                {
                    return null;
                }
            }

            return requireCreateMode && !sawMode ? null : new StreamCreation(isText: false, path, bufferSize);
        }

        /// <summary>
        /// Whether <c>AtomicFile.Create</c> means what this argument asked for: create-or-truncate, write access, a share
        /// mode or async flag (irrelevant to a private temp), no encryption or delete-on-close.
        /// </summary>
        private static bool KeepsMeaning(IArgumentOperation argument)
        {
            var constant = argument.Value.ConstantValue;
            switch (argument.Parameter!.Name)
            {
                case "path":
                    return true;
                case "mode":
                    return constant.HasValue && Equals(constant.Value, FileModeCreate);
                case "access":
                    return constant.HasValue && (Equals(constant.Value, FileAccessWrite) || Equals(constant.Value, FileAccessReadWrite));
                case "share":
                case "useAsync":
                    return constant.HasValue || argument.ArgumentKind == ArgumentKind.DefaultValue;
                case "options" when argument.Parameter.Type.Name == "FileOptions":
                    return constant.Value is int options && (options & (FileOptionsEncrypted | FileOptionsDeleteOnClose)) == 0;
                default:
                    return false;
            }
        }

        private static StreamCreation? Text(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, ExpressionSyntax? path)
        {
            if (path == null)
            {
                return null;
            }

            ExpressionSyntax? encoding = null;
            foreach (var argument in arguments)
            {
                var constant = argument.Value.ConstantValue;
                switch (argument.Parameter!.Name)
                {
                    case "path":
                        break;
                    case "append":
                        if (!constant.HasValue || !Equals(constant.Value, false))
                        {
                            return null;
                        }

                        break;
                    case "encoding":
                        encoding = (argument.Syntax as ArgumentSyntax)?.Expression;
                        if (encoding == null)
                        {
                            return null;
                        }

                        break;
                    case "bufferSize":
                        if (!constant.HasValue)
                        {
                            return null;
                        }

                        break;
                    default:
                        return null;
                }
            }

            return new StreamCreation(isText: true, path, encoding);
        }

        private static ExpressionSyntax? PathArgument(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments) =>
            (arguments.FirstOrDefault(a => a.Parameter!.Name == "path")?.Syntax as ArgumentSyntax)?.Expression;

        /// <summary><c>new FileInfo(path).Create()</c> → <c>path</c>; <c>info.Create()</c> → <c>info.FullName</c>.</summary>
        private static ExpressionSyntax? ReceiverPath(IOperation operation, SyntaxGenerator generator)
        {
            if (!(operation is IInvocationOperation { Instance: { } instance }))
            {
                return null;
            }

            if (instance is IObjectCreationOperation creation && creation.Arguments.Length == 1
                && creation.Arguments[0].Parameter?.Name == "fileName" && creation.Arguments[0].Syntax is ArgumentSyntax argument)
            {
                return argument.Expression;
            }

            return instance.Syntax is ExpressionSyntax receiver
                ? (ExpressionSyntax)generator.MemberAccessExpression(receiver.WithoutTrivia(), "FullName")
                : null;
        }
    }
}
