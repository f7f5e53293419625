using System.Diagnostics;
using System.Globalization;
using System.Text;
using PolicyFlow.Directories;
using PolicyFlow.Policies;
using PolicyFlow.Testing;

namespace PolicyFlow.Bench;

/// <summary>
/// The importer on what the policy office sends and what an attacker sends: the preview of a generated 100-measure
/// document (target: median ≤ 200 ms) and hostile 10 MB documents (target: each read or refused within 2 s).
/// </summary>
internal static class ImporterBench
{
    private const double PreviewTargetMs = 200;
    private const double HostileTargetMs = 2000;

    public static void Run(int runs, int measures, string command)
    {
        var catalog = AgencyCatalog.Build(RegionDirectory.LoadEmbedded());
        var document = Document(measures);
        var read = PolicyDocumentParser.Parse(document, catalog).Measures.Count;
        if (read != measures)
        {
            throw new InvalidOperationException($"The generated document reads as {read} measures, not {measures}.");
        }
        for (var i = 0; i < 3; i++)
        {
            PolicyDocumentParser.Parse(document, catalog);
        }
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            PolicyDocumentParser.Parse(document, catalog);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        var sorted = times.Order().ToList();
        var median = Results.Median(times);
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
        var lines = new List<string>
        {
            $"- load average at the start (1, 5, 15 min; runnable/total; last pid): {load} — other builds share the 2 cores, so times are inflated by that much",
            "",
            "| document | size | runs | median ms | p95 ms | max ms | target | outcome |",
            "|---|---|---|---|---|---|---|---|",
            Row($"{measures} measures", Encoding.UTF8.GetByteCount(document), runs, median, Results.Percentile(sorted, 95), sorted[^1],
                PreviewTargetMs, $"{read} measures read", median <= PreviewTargetMs),
        };
        foreach (var kind in HostileDocuments.Kinds)
        {
            var hostile = HostileDocuments.Make(kind, PolicyDocumentParser.MaxBytes - 1024);
            var watch = Stopwatch.StartNew();
            string outcome;
            try
            {
                outcome = $"read: {PolicyDocumentParser.Parse(hostile, catalog).Measures.Count} measures";
            }
            catch (PolicyFormatException ex)
            {
                outcome = $"refused: {ex.Error}";
            }
            var ms = watch.Elapsed.TotalMilliseconds;
            lines.Add(Row($"hostile: {kind}", Encoding.UTF8.GetByteCount(hostile), 1, ms, ms, ms, HostileTargetMs, outcome, ms <= HostileTargetMs));
        }
        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }
        Results.Append("Importer: preview and hostile documents", command, lines);
    }

    private static string Row(string name, int bytes, int runs, double median, double p95, double max, double target, string outcome, bool met) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {bytes / 1024.0:F0} KB | {runs} | {median:F1} | {p95:F1} | {max:F1} | ≤ {target:F0} ms {(met ? "met" : "**missed**")} | {outcome} |");

    // Chapters of ten measures, each with two paragraphs and an agency list, the seed's way.
    private static string Document(int measures)
    {
        string[] agencies = ["省经信厅", "省人力社保厅", "省科技厅", "省财政厅", "省教育厅", "省发展改革委"];
        var text = new StringBuilder("浙经信测〔2031〕100号\n\n关于基准测试的若干政策措施\n\n为推进基准测试，制定以下措施。\n\n");
        for (var i = 0; i < measures; i++)
        {
            if (i % 10 == 0)
            {
                text.Append(ChineseNumeral(i / 10 + 1)).Append("、第").Append(i / 10 + 1).Append("部分\n");
            }
            text.Append(CultureInfo.InvariantCulture, $"{i + 1}. 推进第{i + 1}项工作。完善工作机制，明确责任分工，加强统筹协调。\n")
                .Append("建立定期调度制度，每季度通报进展情况。（")
                .Append(agencies[i % agencies.Length]).Append('、').Append(agencies[(i + 1) % agencies.Length]).Append("，列第一位者为牵头单位）\n");
        }
        return text.Append("\n本措施自2031年10月1日起施行。\n\n浙江省经济和信息化厅\n2031年9月10日\n").ToString();
    }

    private static string ChineseNumeral(int n) => n switch
    {
        <= 10 => "一二三四五六七八九十"[n - 1].ToString(),
        _ => "十" + "一二三四五六七八九十"[n - 11],
    };
}
