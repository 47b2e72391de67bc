using System;

namespace AtomicWriteAnalyzer.Benchmarks.Corpus
{
    /// <summary>
    /// The 19 in 20 methods that touch no file: LINQ, async, string building, pattern matching, parsing —
    /// the invocations an analyzer must reject quickly, which is where its cost on real code goes.
    /// </summary>
    internal static class OrdinaryMethods
    {
        public static readonly Func<MethodContext, string>[] All =
        {
            TopByAmount, TotalsByTag, RefreshAsync, SumAsync, Describe, Label, Add, TryParse, ToJson, StandardDeviation, BackupName,
        };

        private static string TopByAmount(MethodContext c) => $$"""
                public IReadOnlyList<{{c.Entity}}> Top{{c.Slot}}(decimal threshold, int count) =>
                    _items.Where(x => x.Amount >= threshold && x.Status != {{c.Status}}.Closed)
                        .OrderByDescending(x => x.Amount)
                        .ThenBy(x => x.Name, StringComparer.Ordinal)
                        .Take(count)
                        .ToList();
        """;

        private static string TotalsByTag(MethodContext c) => $$"""
                public Dictionary<string, decimal> TotalsByTag{{c.Slot}}() =>
                    _items.SelectMany(x => x.Tags.Select(t => (Tag: t, x.Amount)))
                        .GroupBy(p => p.Tag, StringComparer.OrdinalIgnoreCase)
                        .ToDictionary(g => g.Key, g => g.Sum(p => p.Amount), StringComparer.OrdinalIgnoreCase);
        """;

        private static string RefreshAsync(MethodContext c) => $$"""
                public async Task<int> Refresh{{c.Slot}}Async(IEnumerable<int> ids, CancellationToken cancellationToken)
                {
                    var updated = 0;
                    foreach (var id in ids)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (_byId.TryGetValue(id, out var item) && item.Status == {{c.Status}}.Active)
                        {
                            await Task.Yield();
                            item.Amount = Math.Round(item.Amount * 1.0{{c.Slot}}m, 2, MidpointRounding.ToEven);
                            updated++;
                        }
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds({{c.Slot + 1}}), cancellationToken).ConfigureAwait(false);
                    return updated;
                }
        """;

        private static string SumAsync(MethodContext c) => $$"""
                public async Task<decimal> Sum{{c.Slot}}Async(CancellationToken cancellationToken)
                {
                    var tasks = _items.Select(async x =>
                    {
                        await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                        return x.Status == {{c.Status}}.Closed ? 0m : x.Amount;
                    });
                    var values = await Task.WhenAll(tasks).ConfigureAwait(false);
                    return values.Sum();
                }
        """;

        private static string Describe(MethodContext c) => $$"""
                public string Describe{{c.Slot}}(string title)
                {
                    var sb = new StringBuilder();
                    sb.Append(title).Append(": ").AppendLine(Name);
                    foreach (var item in _items.OrderBy(x => x.Id))
                    {
                        sb.AppendFormat(CultureInfo.InvariantCulture, "{0,6} {1,-20} {2,10:F2}", item.Id, item.Name, item.Amount).AppendLine();
                    }

                    sb.Append("tags: ").AppendLine(string.Join(", ", _items.SelectMany(x => x.Tags).Distinct().OrderBy(t => t)));
                    return sb.ToString().TrimEnd();
                }
        """;

        private static string Label(MethodContext c) => $$"""
                public static string Label{{c.Slot}}({{c.Entity}} item) => item.Status switch
                {
                    {{c.Status}}.Pending => "pending",
                    {{c.Status}}.Active when item.Amount > 1000m => "active (large)",
                    {{c.Status}}.Active => "active",
                    {{c.Status}}.Suspended => $"suspended since {item.CreatedAt:yyyy-MM-dd}",
                    _ => "closed",
                };
        """;

        private static string Add(MethodContext c) => $$"""
                public {{c.Entity}} Add{{c.Slot}}(string name, decimal amount)
                {
                    if (string.IsNullOrWhiteSpace(name))
                    {
                        throw new ArgumentException("A name is required.", nameof(name));
                    }

                    if (amount < 0)
                    {
                        throw new ArgumentOutOfRangeException(nameof(amount), amount, "The amount must not be negative.");
                    }

                    var item = new {{c.Entity}}(++_version, name.Trim(), amount, DateTime.UtcNow);
                    item.Tags.Add(amount > 100m ? "large" : "small");
                    _items.Add(item);
                    _byId[item.Id] = item;
                    return item;
                }
        """;

        private static string TryParse(MethodContext c) => $$"""
                public static bool TryParse{{c.Slot}}(string line, out {{c.Entity}}? result)
                {
                    result = null;
                    var parts = line.Split(',', StringSplitOptions.TrimEntries);
                    if (parts.Length < 3)
                    {
                        return false;
                    }

                    try
                    {
                        result = new {{c.Entity}}(int.Parse(parts[0], CultureInfo.InvariantCulture), parts[1], decimal.Parse(parts[2], CultureInfo.InvariantCulture), DateTime.UtcNow);
                        return true;
                    }
                    catch (FormatException)
                    {
                        return false;
                    }
                }
        """;

        private static string ToJson(MethodContext c) => $$"""
                public string ToJson{{c.Slot}}() =>
                    JsonSerializer.Serialize(_items.Where(x => x.Status != {{c.Status}}.Closed).Select(x => new { x.Id, x.Name, x.Amount }).ToList());
        """;

        private static string StandardDeviation(MethodContext c) => $$"""
                public double StandardDeviation{{c.Slot}}()
                {
                    var values = _items.Select(x => (double)x.Amount).ToArray();
                    if (values.Length == 0)
                    {
                        return 0;
                    }

                    var mean = values.Average();
                    return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
                }
        """;

        // Path arithmetic with no I/O: a near miss an analyzer must not flag.
        private static string BackupName(MethodContext c) => $$"""
                public string BackupName{{c.Slot}}(string fileName) =>
                    Path.Combine(_dataDirectory, Path.GetFileNameWithoutExtension(fileName) + "-{{c.Slot}}" + Path.GetExtension(fileName));
        """;
    }
}
