using System.Globalization;
using System.Text;

namespace PolicyFlow.Bench;

/// <summary>Medians, the machine, and the append to bench/RESULTS.md.</summary>
internal static class Results
{
    /// <summary>The machine's load average over 1, 5 and 15 minutes, said beside every figure taken on a shared machine.</summary>
    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {memory:F0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
    }

    public static void Append(string title, string command, IEnumerable<string> lines)
    {
        var path = Path.Combine(FindBenchFolder(), "RESULTS.md");
        var text = new StringBuilder();
        if (!File.Exists(path))
        {
            text.AppendLine("# PolicyFlow benchmark results").AppendLine().AppendLine("Each section is appended by a run of the command it names.").AppendLine();
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"## {title} — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- command: `{command}`")
            .AppendLine(CultureInfo.InvariantCulture, $"- machine: {Machine()}").AppendLine();
        foreach (var line in lines)
        {
            text.AppendLine(line);
        }
        text.AppendLine();
        File.AppendAllText(path, text.ToString());
        Console.WriteLine(text);
    }

    private static string FindBenchFolder() => Path.Combine(RepositoryRoot(), "bench");

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyFlow.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Run the benchmark from the repository checkout (no PolicyFlow.sln above the binaries).");
    }
}
