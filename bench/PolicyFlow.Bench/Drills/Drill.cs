using System.Globalization;

namespace PolicyFlow.Bench.Drills;

/// <summary>What one fault drill did, what it checked (each check with what was found) and whether all checks held.</summary>
internal sealed class Drill(string name)
{
    private readonly List<(string What, bool Held, string Found)> _checks = [];
    private readonly List<string> _done = [];

    public string Name { get; } = name;
    public bool Passed => _checks.Count > 0 && _checks.All(c => c.Held);

    public void Did(string what)
    {
        _done.Add(what);
        Console.WriteLine($"[{Name}] did: {what}");
    }

    public void Check(string what, bool held, string found)
    {
        _checks.Add((what, held, found));
        Console.WriteLine($"[{Name}] {(held ? "ok  " : "FAIL")} {what}: {found}");
    }

    public void Check(string what, long expected, long found) =>
        Check(what, expected == found, string.Create(CultureInfo.InvariantCulture, $"{found:N0} (expected {expected:N0})"));

    public string Row(string command) =>
        $"| {Name} | {string.Join("<br>", _done)} | {string.Join("<br>", _checks.Select(c => $"{(c.Held ? "✓" : "✗")} {c.What}: {c.Found}"))} | {(Passed ? "PASS" : "**FAIL**")} | `{command}` |";

    public void Print() => Console.WriteLine($"[{Name}] {(Passed ? "PASS" : "FAIL")}");
}

/// <summary>Runs the drills named on the command line (a–d) and writes their table to bench/RESULTS.md.</summary>
internal static class DrillRunner
{
    public static async Task<int> RunAsync(DrillSettings settings, string[] which, string command)
    {
        var drills = new List<Drill>();
        if (which.Contains("cascade"))
        {
            foreach (var provider in settings.Providers)
            {
                drills.Add(await CascadeKillDrill.RunAsync(provider, settings.Rounds));
            }
        }
        if (which.Contains("timers"))
        {
            drills.Add(await TimerKillDrill.RunAsync(settings.Timers));
        }
        if (which.Contains("pg-restart"))
        {
            drills.Add(await PostgresRestartDrill.RunAsync(settings));
        }
        if (which.Contains("smtp-outage"))
        {
            drills.Add(await SmtpOutageDrill.RunAsync(settings));
        }
        var lines = new List<string>
        {
            "Each drill drives real host processes (src/PolicyFlow.Host) on a fresh database; SIGKILL = `Process.Kill`, no shutdown.",
            "(c) and (d) run on a PostgreSQL cluster of their own (own data directory and port, fsync on), never the shared one.",
            "",
            "| drill | what was done | what was checked | result | command |",
            "|---|---|---|---|---|",
        };
        lines.AddRange(drills.Select(d => d.Row(command)));
        Results.Append("Fault drills (issue 14 item 9)", command, lines);
        foreach (var drill in drills)
        {
            drill.Print();
        }
        return drills.All(d => d.Passed) ? 0 : 1;
    }
}
