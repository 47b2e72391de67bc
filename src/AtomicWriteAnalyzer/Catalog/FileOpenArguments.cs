using AtomicWriteAnalyzer.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Catalog
{
    /// <summary>
    /// How a matched call opens its file, read once from its arguments: the <c>FileMode</c> and <c>FileAccess</c> given
    /// directly or in <c>new FileStreamOptions { Mode = ..., Access = ..., Options = ... }</c>, and whether
    /// <c>FileOptions.WriteThrough</c> is asked for. Values are the enums' numbers (the analyzer never loads the
    /// BCL's types); null where the code gives no constant.
    /// </summary>
    internal sealed class FileOpenArguments
    {
        public const int ModeCreateNew = 1;
        public const int ModeCreate = 2;
        public const int ModeOpen = 3;
        public const int ModeOpenOrCreate = 4;
        public const int ModeTruncate = 5;
        public const int ModeAppend = 6;
        public const int AccessRead = 1;
        public const int AccessWrite = 2;
        public const int AccessReadWrite = 3;
        private const int FileOptionsWriteThrough = unchecked((int)0x80000000);

        private FileOpenArguments(bool hasOptions, bool optionsReadable, bool hasModeArgument, int? mode, int? access, bool accessGiven, bool writeThrough)
        {
            HasOptions = hasOptions;
            OptionsReadable = optionsReadable;
            HasModeArgument = hasModeArgument;
            Mode = mode;
            Access = access;
            AccessGiven = accessGiven;
            WriteThrough = writeThrough;
        }

        /// <summary>A <c>FileStreamOptions</c> argument decides mode and access.</summary>
        public bool HasOptions { get; }

        /// <summary>The options are <c>new FileStreamOptions { ... }</c> whose <c>Mode</c> and <c>Access</c>, where set, are constants.</summary>
        public bool OptionsReadable { get; }

        /// <summary>A <c>FileMode</c> argument is passed (without options).</summary>
        public bool HasModeArgument { get; }

        /// <summary>The constant mode (argument or options), or null.</summary>
        public int? Mode { get; }

        /// <summary>The constant access written in code (an explicit argument or the options' <c>Access</c>), or null.</summary>
        public int? Access { get; }

        /// <summary>An access is written in code (an explicit argument, or <c>Access</c> set in the options).</summary>
        public bool AccessGiven { get; }

        /// <summary><c>FileOptions.WriteThrough</c> as an argument or in the options: every write reaches the disk.</summary>
        public bool WriteThrough { get; }

        public static FileOpenArguments Of(IOperation operation)
        {
            bool writeThrough = HasWriteThrough(operation);
            var options = OperationHelpers.ArgumentOfType(operation, "System.IO", "FileStreamOptions");
            if (options != null)
            {
                bool readable = TryReadOptions(options.Value, out int? mode, out int? access, out bool accessGiven);
                return new FileOpenArguments(true, readable, false, mode, access, accessGiven, writeThrough);
            }

            var modeArgument = OperationHelpers.ArgumentOfType(operation, "System.IO", "FileMode");
            var accessArgument = OperationHelpers.ArgumentOfType(operation, "System.IO", "FileAccess");
            bool explicitAccess = OperationHelpers.IsExplicit(accessArgument);
            return new FileOpenArguments(
                false,
                false,
                modeArgument != null,
                OperationHelpers.ConstantInt(modeArgument?.Value),
                explicitAccess ? OperationHelpers.ConstantInt(accessArgument!.Value) : null,
                explicitAccess,
                writeThrough);
        }

        /// <summary>
        /// The access the call opens with: the one written in code, else the default (<c>FileStreamOptions</c> default to
        /// Read unless the API writes; a <c>FileMode.Append</c> argument implies Write). Null when not a constant.
        /// </summary>
        public int? EffectiveAccess(int defaultAccess)
        {
            if (HasOptions)
            {
                return AccessGiven ? Access : (defaultAccess == AccessWrite ? AccessWrite : AccessRead);
            }

            return AccessGiven ? Access : (Mode == ModeAppend ? AccessWrite : defaultAccess);
        }

        /// <summary>Reads <c>Mode</c>, <c>Access</c> from <c>new FileStreamOptions { Mode = ..., Access = ... }</c>; false when either is not a constant.</summary>
        private static bool TryReadOptions(IOperation? value, out int? mode, out int? access, out bool accessGiven)
        {
            mode = null;
            access = null;
            accessGiven = false;
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
                            accessGiven = true;
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

        /// <summary><c>FileOptions.WriteThrough</c> as an argument or in <c>new FileStreamOptions { Options = ... }</c>.</summary>
        private static bool HasWriteThrough(IOperation operation)
        {
            foreach (var argument in OperationHelpers.Arguments(operation))
            {
                var type = argument?.Parameter?.Type;
                if (type == null)
                {
                    continue;
                }

                if (OperationHelpers.IsNamed(type, "System.IO", "FileOptions") && IsWriteThrough(argument!.Value))
                {
                    return true;
                }

                if (OperationHelpers.IsNamed(type, "System.IO", "FileStreamOptions")
                    && OperationHelpers.Unwrap(argument!.Value) is IObjectCreationOperation creation && creation.Initializer != null)
                {
                    foreach (var initializer in creation.Initializer.Initializers)
                    {
                        if (initializer is ISimpleAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation property
                            && property.Property?.Name == "Options" && IsWriteThrough(assignment.Value))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static bool IsWriteThrough(IOperation? value)
        {
            int? options = OperationHelpers.ConstantInt(value);
            return options != null && (options.Value & FileOptionsWriteThrough) != 0;
        }
    }
}
