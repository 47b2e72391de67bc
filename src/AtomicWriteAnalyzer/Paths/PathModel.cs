using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AtomicWriteAnalyzer.Paths
{
    /// <summary>
    /// A path as reconstructed from code: one or more alternative texts (<c>**/config/settings.json</c>; unknown parts
    /// are <c>**</c>, special folders <c>&lt;ApplicationData&gt;</c>, '/' separates), the names it flowed through, and
    /// what its origin says.
    /// </summary>
    internal sealed class PathModel
    {
        public const string Unknown = "**";

        public PathModel(ImmutableArray<string> texts, ImmutableArray<PathHolder> holders, PathOrigin origins, string? originDetail)
        {
            Texts = texts.IsDefaultOrEmpty ? ImmutableArray.Create(Unknown) : texts;
            Holders = holders.IsDefault ? ImmutableArray<PathHolder>.Empty : holders;
            Origins = origins;
            OriginDetail = originDetail;
        }

        /// <summary>The alternative texts (a conditional gives two), at most a few.</summary>
        public ImmutableArray<string> Texts { get; }

        public ImmutableArray<PathHolder> Holders { get; }

        public PathOrigin Origins { get; }

        /// <summary>How the origin was recognized (<c>Path.GetTempFileName()</c>, <c>SaveFileDialog.FileName</c>).</summary>
        public string? OriginDetail { get; }

        /// <summary>The first field, property or method of a type that holds the whole path: the app-state key.</summary>
        public ISymbol? RootMember
        {
            get
            {
                foreach (var holder in Holders)
                {
                    if (!holder.IsWhole)
                    {
                        continue;
                    }

                    if (holder.Kind == HolderKind.Field || holder.Kind == HolderKind.Property || holder.Kind == HolderKind.Method)
                    {
                        return holder.Symbol;
                    }
                }

                return null;
            }
        }

        /// <summary>The parameter that holds the whole path (through locals only): what a helper method writes.</summary>
        public IParameterSymbol? RootParameter
        {
            get
            {
                foreach (var holder in Holders)
                {
                    if (!holder.IsWhole)
                    {
                        return null;
                    }

                    if (holder.Kind == HolderKind.Parameter)
                    {
                        return holder.Symbol as IParameterSymbol;
                    }

                    if (holder.Kind != HolderKind.Local)
                    {
                        return null;
                    }
                }

                return null;
            }
        }

        /// <summary>The file name of the first alternative when it is fully known (<c>tokens.json</c>), else null.</summary>
        public string? KnownFileName
        {
            get
            {
                string name = LastSegment(Texts[0]);
                return name.Length == 0 || name.IndexOf('*') >= 0 || name.IndexOf('<') >= 0 ? null : name;
            }
        }

        public static string LastSegment(string text)
        {
            int slash = text.LastIndexOf('/');
            return slash < 0 ? text : text.Substring(slash + 1);
        }

        public static string DirectoryPart(string text)
        {
            int slash = text.LastIndexOf('/');
            if (slash < 0)
            {
                // "settings.json" is in the current folder; "**" or "**.json" could be anywhere.
                return text.IndexOf(Unknown, StringComparison.Ordinal) >= 0 ? Unknown : "";
            }

            return text.Substring(0, slash);
        }

        public override string ToString() => string.Join(" | ", Texts);
    }
}
