using System.Globalization;

namespace PolicyFlow.Bench.Drills;

/// <summary>What the drills are run with, from the command line (seconds unless said otherwise).</summary>
internal sealed record DrillSettings(
    string[] Providers, int Rounds, int Timers, int Users, int PgPort, TimeSpan PgWarmUp, TimeSpan PgDown, TimeSpan PgAfter,
    TimeSpan SmtpDown, TimeSpan FirstRetryDelay, TimeSpan MaxRetryDelay)
{
    /// <summary>The drills by name, with the letters of issue 14 item 9 as short names.</summary>
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["a"] = "cascade", ["b"] = "timers", ["c"] = "pg-restart", ["d"] = "smtp-outage",
    };

    public static DrillSettings From(IReadOnlyDictionary<string, string> options, string[] providers)
    {
        int Int(string key, int fallback) => options.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        TimeSpan Seconds(string key, int fallback) => TimeSpan.FromSeconds(Int(key, fallback));
        var settings = new DrillSettings(providers, Int("rounds", 3), Int("timers", 10000), Int("users", 40), Int("pg-port", 55433),
            Seconds("pg-warmup", 20), Seconds("pg-down", 15), Seconds("pg-after", 60), Seconds("smtp-down", 600),
            Seconds("first-retry", 5), Seconds("max-retry", 30));
        if (settings.Users < 1 || settings.PgDown <= TimeSpan.Zero || settings.SmtpDown <= TimeSpan.Zero || settings.FirstRetryDelay <= TimeSpan.Zero
            || settings.MaxRetryDelay < settings.FirstRetryDelay || settings.PgAfter < TimeSpan.FromSeconds(30))
        {
            throw new ArgumentException("--users, --pg-down, --smtp-down and --first-retry must be positive, --max-retry at least --first-retry, --pg-after at least 30 s.");
        }
        return settings;
    }

    /// <summary>Drill names from <c>--drills</c> (names or letters, comma-separated): every known one, or an error naming them.</summary>
    public static string[] Which(string? list)
    {
        var which = (list ?? string.Join(',', Names.Values)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => Names.GetValueOrDefault(w.ToLowerInvariant(), w.ToLowerInvariant())).ToArray();
        var unknown = which.Where(w => !Names.Values.Contains(w)).ToList();
        if (unknown.Count > 0 || which.Length == 0)
        {
            throw new ArgumentException($"unknown drill {string.Join(", ", unknown)}: give {string.Join(", ", Names.Select(n => $"{n.Key} ({n.Value})"))}");
        }
        return which;
    }
}
