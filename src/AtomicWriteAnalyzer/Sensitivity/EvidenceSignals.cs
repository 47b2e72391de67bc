using System.Collections.Generic;
using AtomicWriteAnalyzer.Contract;
using Microsoft.CodeAnalysis;

namespace AtomicWriteAnalyzer.Sensitivity
{
    /// <summary>
    /// Signals from the write rather than the path (<see cref="WriteEvidence"/>), weighed when the path itself says
    /// nothing: the serialized data's type, app state, the writer's name.
    /// </summary>
    internal static class EvidenceSignals
    {
        /// <summary>
        /// Signals from the write rather than the path, strongest first: a serialized object whose type name is
        /// sensitive (or <c>this</c> in a type so named); app state (the same type reads the path member back and
        /// rewrites it with serialized data); the writing type's or method's name, which is weak and counts only with
        /// serialized data or a read-back beside it; last, a method whose name says it saves something sensitive
        /// (<c>SaveConfig</c>, <c>StoreToken</c>: <see cref="SensitiveWords.SavedWord"/>) counts alone.
        /// </summary>
        public static SensitivityVerdict FromEvidence(WriteEvidence evidence)
        {
            var data = evidence.Data;
            if (data.IsSerialized && data.SerializedType != null)
            {
                string? word = DataTypeWord(data.SerializedType, out string typeName);
                if (word != null)
                {
                    return new SensitivityVerdict(true, SignalKind.DataType, data.SerializesThis
                        ? "serializes this '" + typeName + "', whose name contains '" + word + "'"
                        : "writes a serialized '" + typeName + "', whose name contains '" + word + "'");
                }
            }

            if (data.IsSerialized && evidence.ReadBackBy != null)
            {
                return new SensitivityVerdict(true, SignalKind.AppState, "read back by " + evidence.ReadBackBy + " and rewritten with serialized data");
            }

            if (data.IsSerialized || evidence.ReadBackBy != null)
            {
                string second = data.IsSerialized ? "the data written is serialized" : "the file is read back by " + evidence.ReadBackBy;
                string? typeWord = SensitiveWords.CounterWord(evidence.TypeName) == null ? SensitiveWords.SensitiveWord(evidence.TypeName) : null;
                if (typeWord != null)
                {
                    return new SensitivityVerdict(true, SignalKind.WriterName, "type '" + evidence.TypeName + "' contains '" + typeWord + "' and " + second);
                }

                string? methodWord = SensitiveWords.SensitiveWord(evidence.MethodName);
                if (methodWord != null)
                {
                    return new SensitivityVerdict(true, SignalKind.WriterName, "method '" + evidence.MethodName + "' contains '" + methodWord + "' and " + second);
                }
            }

            // The weakest signal: the path says nothing either way, and the method's name says what it saves.
            string? saved = SensitiveWords.SavedWord(evidence.MethodName);
            if (saved != null)
            {
                return new SensitivityVerdict(true, SignalKind.WriterName, "written by '" + evidence.MethodName + "', whose name says it saves '" + saved + "'");
            }

            return SensitivityVerdict.No("no sensitive signal");
        }

        /// <summary>
        /// The sensitive word in a data type's name, looking through arrays and generic collections
        /// (<c>List&lt;AuthToken&gt;</c>); <c>Options</c> counts here (<c>SyncOptions</c>), not in paths.
        /// </summary>
        private static string? DataTypeWord(ITypeSymbol type, out string typeName)
        {
            typeName = type.Name;
            var candidates = new List<ITypeSymbol> { type };
            if (type is IArrayTypeSymbol array)
            {
                candidates.Add(array.ElementType);
            }
            else if (type is INamedTypeSymbol named)
            {
                candidates.AddRange(named.TypeArguments);
            }

            foreach (var candidate in candidates)
            {
                // Only types the app declares: a library's JToken or CookieContainer says nothing about this file.
                if (candidate == null || candidate.TypeKind == TypeKind.TypeParameter || candidate.SpecialType != SpecialType.None || !IsDeclaredInSource(candidate))
                {
                    continue;
                }

                string? word = SensitiveWords.DataTypeWord(candidate.Name);
                if (word != null)
                {
                    typeName = candidate.Name;
                    return word;
                }
            }

            return null;
        }

        private static bool IsDeclaredInSource(ITypeSymbol type)
        {
            foreach (var location in type.Locations)
            {
                if (location.IsInSource)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
