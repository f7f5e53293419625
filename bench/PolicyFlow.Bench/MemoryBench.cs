using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Bench;

/// <summary>
/// M5: the host process's resident memory on a database holding 0, 10,000 and 100,000 waiting instances (county instances of a
/// seed measure, each waiting on its task with its deadline timers), started afresh on each and measured once it is healthy.
/// </summary>
internal static class MemoryBench
{
    public static async Task RunAsync(string[] providers, int[] sizes, string command)
    {
        var lines = new List<string>
        {
            "The real host (Release build of src/PolicyFlow.Host, Development environment with no seed work) started on a database holding N waiting",
            "`measure-county` instances; the first one launched by the engine, the rest copies of its rows (instance, bookmark, task, task facts, timers,",
            "journal, notice; fresh ids) bulk-inserted. VmRSS read 10 s after /health answered (the timer pump has looked, Hangfire runs), after",
            "20 /health calls. Per instance = (RSS at N − RSS at 0) / N. Target: ≤ 20 MB per 10,000 waiting instances.",
            "",
            "| provider | waiting instances | RSS (MiB) | growth over empty (MiB) | bytes per waiting instance | MiB per 10,000 | target ≤ 20 MiB / 10,000 |",
            "|---|---|---|---|---|---|---|",
        };
        foreach (var provider in providers)
        {
            await using var storage = await BenchStorage.CreateAsync(provider);
            var factory = storage.Factory;
            var (_, _, rows) = await HostUnderTest.LaunchCountyAsync(factory);
            var replay = new RowReplay(factory, rows);
            var empty = 0L;
            var loaded = 1;
            foreach (var size in new[] { 0 }.Concat(sizes))
            {
                if (size > loaded)
                {
                    await replay.InsertCopiesAsync(size - loaded);
                    loaded = size;
                }
                await using (var db = factory.Create())
                {
                    var waiting = await db.Instances.CountAsync(i => i.Status == InstanceStatus.Waiting);
                    if (size > 0 && waiting != size)
                    {
                        throw new InvalidOperationException($"{waiting} waiting instances, {size} meant: the run is invalid.");
                    }
                }
                var rss = await MeasureAsync(storage);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider} {size}: {rss / 1048576.0:F0} MiB"));
                if (size == 0)
                {
                    empty = rss;
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | 0 (one instance) | {rss / 1048576.0:F0} | — | — | — | — |"));
                    continue;
                }
                var perInstance = (rss - empty) / (double)size;
                var per10k = perInstance * 10_000 / 1048576.0;
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {provider} | {size:N0} | {rss / 1048576.0:F0} | {(rss - empty) / 1048576.0:F0} | {perInstance:F0} | {per10k:F1} | {(per10k <= 20 ? "met" : "**no**")} |"));
            }
        }
        Results.Append("Host memory with waiting instances (issue 14 M5)", command, lines);
    }

    private static async Task<long> MeasureAsync(BenchStorage storage)
    {
        await using var host = await HostUnderTest.StartAsync(storage.Factory);
        using var client = host.CreateClient();
        for (var i = 0; i < 20; i++)
        {
            (await client.GetAsync(new Uri("/health", UriKind.Relative))).EnsureSuccessStatusCode();
        }
        await Task.Delay(TimeSpan.FromSeconds(10));
        return HostUnderTest.Rss(host.ProcessId);
    }
}
