using System;
using System.Collections.Generic;
using System.Linq;

namespace AtomicWriteAnalyzer.Paths
{
    /// <summary>
    /// A partial result of <see cref="PathReconstruction"/>: alternative texts, holders and origins. Immutable: every
    /// operation returns a new piece, so a piece shared by two alternatives never changes under the other.
    /// </summary>
    internal sealed class PathPiece
    {
        /// <summary>A conditional gives two alternatives; more than this many are not worth telling apart.</summary>
        public const int MaxAlternatives = 4;

        private PathPiece(List<string> texts, List<PathHolder> holders, PathOrigin origins, string? originDetail)
        {
            Texts = texts;
            Holders = holders;
            Origins = origins;
            OriginDetail = originDetail;
        }

        public IReadOnlyList<string> Texts { get; }

        public IReadOnlyList<PathHolder> Holders { get; }

        public PathOrigin Origins { get; }

        public string? OriginDetail { get; }

        public bool IsBareUnknown => Texts.Count == 1 && Texts[0] == PathModel.Unknown && Holders.Count == 0 && Origins == PathOrigin.None;

        public bool StartsWithSeparator => Texts.All(t => t.StartsWith("/", StringComparison.Ordinal) || t.StartsWith("\\", StringComparison.Ordinal));

        public bool EndsWithSeparator => Texts.All(t => t.EndsWith("/", StringComparison.Ordinal) || t.EndsWith("\\", StringComparison.Ordinal));

        public static PathPiece Unknown() => Text(PathModel.Unknown);

        public static PathPiece Text(string text) => new PathPiece(new List<string> { text }, new List<PathHolder>(), PathOrigin.None, null);

        /// <summary>Either piece: a conditional, a coalesce, several definitions.</summary>
        public static PathPiece Union(PathPiece a, PathPiece b)
        {
            var texts = a.Texts.Concat(b.Texts).Distinct(StringComparer.Ordinal).Take(MaxAlternatives).ToList();
            return new PathPiece(texts, a.Holders.Concat(b.Holders).ToList(), a.Origins | b.Origins, a.OriginDetail ?? b.OriginDetail);
        }

        /// <summary>One piece after the other, each pair of alternatives joined by <paramref name="join"/>.</summary>
        public static PathPiece Join(PathPiece a, PathPiece b, Func<string, string, string> join)
        {
            var texts = new List<string>();
            foreach (string left in a.Texts)
            {
                foreach (string right in b.Texts)
                {
                    if (texts.Count < MaxAlternatives)
                    {
                        texts.Add(join(left, right));
                    }
                }
            }

            return new PathPiece(texts, a.Holders.Concat(b.Holders).ToList(), a.Origins | b.Origins, a.OriginDetail ?? b.OriginDetail);
        }

        /// <summary>The same piece, held by <paramref name="holder"/> first (the outermost name comes first).</summary>
        public PathPiece WithHolder(PathHolder holder)
        {
            var holders = new List<PathHolder>(Holders.Count + 1) { holder };
            holders.AddRange(Holders);
            return new PathPiece(Texts.ToList(), holders, Origins, OriginDetail);
        }

        /// <summary>The same piece, with <paramref name="holder"/> holding a part of it, last (the weakest name).</summary>
        public PathPiece WithPartHolder(PathHolder holder)
        {
            var holders = new List<PathHolder>(Holders) { holder.AsPart() };
            return new PathPiece(Texts.ToList(), holders, Origins, OriginDetail);
        }

        public PathPiece WithOrigin(PathOrigin origin, string detail) =>
            new PathPiece(Texts.ToList(), Holders.ToList(), Origins | origin, OriginDetail ?? detail);

        /// <summary>The holders hold whole segments of a larger path, no longer the whole path.</summary>
        public PathPiece AsParts() => new PathPiece(Texts.ToList(), Holders.Select(h => h.AsPart()).ToList(), Origins, OriginDetail);

        public PathPiece WithoutHolders() => new PathPiece(Texts.ToList(), new List<PathHolder>(), Origins, OriginDetail);

        public PathPiece Map(Func<string, string> map) => new PathPiece(Texts.Select(map).ToList(), Holders.ToList(), Origins, OriginDetail);
    }
}
