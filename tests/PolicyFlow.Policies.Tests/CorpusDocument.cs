using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicyFlow.Policies.Tests;

/// <summary>One corpus document and its hand-checked expected answer (<c>Corpus/&lt;slug&gt;.expected.json</c>).</summary>
internal sealed record CorpusDocument(string Slug, string Text, CorpusExpectation Expected)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<CorpusDocument> All()
    {
        var folder = Folder();
        return [.. Directory.GetFiles(folder, "*.expected.json").Order(StringComparer.Ordinal).Select(path =>
        {
            var slug = Path.GetFileName(path)[..^".expected.json".Length];
            var expected = JsonSerializer.Deserialize<CorpusExpectation>(File.ReadAllText(path), Options)
                ?? throw new InvalidOperationException($"{path} is empty");
            return new CorpusDocument(slug, File.ReadAllText(Path.Combine(folder, slug + ".txt")), expected);
        })];
    }

    /// <summary>The text of one corpus document, e.g. <c>guobanfa-2018-121</c>.</summary>
    public static string ReadText(string slug) => File.ReadAllText(Path.Combine(Folder(), slug + ".txt"));

    // The corpus is read from the source tree, so adding a document needs no project change.
    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var corpus = Path.Combine(dir.FullName, "tests", "PolicyFlow.Policies.Tests", "Corpus");
            if (Directory.Exists(corpus))
            {
                return corpus;
            }
        }
        throw new InvalidOperationException($"No tests/PolicyFlow.Policies.Tests/Corpus folder above {AppContext.BaseDirectory}.");
    }
}

internal sealed record CorpusExpectation(
    string? DocNumber,
    string? EffectiveRule,
    IReadOnlyList<CorpusMeasure> Measures,
    IReadOnlyList<CorpusNonMeasure> NonMeasures);

internal sealed record CorpusMeasure(
    string Label,
    string? Title,
    IReadOnlyList<string> Leads,
    IReadOnlyList<string> CoAgencies,
    bool OpenEnded,
    IReadOnlyList<string> LocalGovernments);

internal sealed record CorpusNonMeasure(string Label, string? Title, string? Reason);
