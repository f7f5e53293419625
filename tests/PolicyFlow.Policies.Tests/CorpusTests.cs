using System.Globalization;
using PolicyFlow.Policies;
using Xunit.Abstractions;

namespace PolicyFlow.Policies.Tests;

/// <summary>The importer over real public documents in varied drafting conventions, against hand-checked answers.</summary>
/// <remarks>Per-document figures are written to the test output (<c>--logger "console;verbosity=detailed"</c>).</remarks>
public class CorpusTests(ITestOutputHelper output)
{
    private const double MinLeadRate = 0.98;
    private const double MinCoAgencyRate = 0.95;

    private sealed record Score(string Slug, int Expected, int Found, int Leads, int CoAgencies, int Flags, List<string> Misses, List<string> Warnings, string? Title);

    [Fact]
    public void Corpus_EveryDocument_MeetsTheAccuracyTargets()
    {
        var documents = CorpusDocument.All();
        var scores = documents.Select(Evaluate).ToList();
        foreach (var s in scores)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Slug,-40} measures {s.Found}/{s.Expected}  lead {s.Leads}/{s.Expected}  co {s.CoAgencies}/{s.Expected}  flags {s.Flags}/{s.Expected}"));
            output.WriteLine("    title: " + s.Title);
            s.Misses.ForEach(m => output.WriteLine("    " + m));
            s.Warnings.ForEach(w => output.WriteLine("    warning: " + w));
        }
        var total = scores.Sum(s => s.Expected);
        var leadRate = (double)scores.Sum(s => s.Leads) / total;
        var coRate = (double)scores.Sum(s => s.CoAgencies) / total;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"TOTAL {documents.Count} documents, {total} measures, lead {leadRate:P1}, co-agencies {coRate:P1}"));

        Assert.True(documents.Count >= 24, $"the corpus has {documents.Count} documents; at least 24 are required");
        Assert.All(scores, s => Assert.True(s.Found == s.Expected, $"{s.Slug}: {s.Found} measures, expected {s.Expected}"));
        Assert.True(leadRate >= MinLeadRate, $"lead right on {leadRate:P1} of measures");
        Assert.True(coRate >= MinCoAgencyRate, $"co-agencies right on {coRate:P1} of measures");
        Assert.All(scores, s => Assert.DoesNotContain(s.Misses, m => m.StartsWith("structure", StringComparison.Ordinal)));
    }

    [Fact]
    public void Corpus_DocumentWithoutEffectiveClause_IsNotStatedAndNoDateIsInvented()
    {
        foreach (var document in CorpusDocument.All().Where(d => d.Expected.EffectiveRule is null))
        {
            var policy = Parse(document);
            Assert.True(policy.EffectiveRule is null, $"{document.Slug}: invented rule {policy.EffectiveRule}");
            Assert.True(policy.EffectiveOn is null, $"{document.Slug}: invented date {policy.EffectiveOn}");
            Assert.Equal("not stated", policy.EffectiveRuleStatus);
        }
    }

    [Fact]
    public void Corpus_EveryNumberedItem_IsAMeasureOrANonMeasureWithAReason()
    {
        foreach (var document in CorpusDocument.All())
        {
            var policy = Parse(document);
            Assert.Equal(document.Expected.NonMeasures.Select(n => n.Label), policy.NonMeasures.Select(n => n.Label));
            Assert.All(policy.NonMeasures, n => Assert.False(string.IsNullOrWhiteSpace(n.Reason)));
        }
    }

    [Fact]
    public void Corpus_DocumentNumber_IsReadWhereTheTextHasOne()
    {
        foreach (var document in CorpusDocument.All().Where(d => d.Expected.DocNumber is not null && d.Text.Contains(d.Expected.DocNumber, StringComparison.Ordinal)))
        {
            Assert.Equal(document.Expected.DocNumber, Parse(document).DocumentNumber);
        }
    }

    private static PolicyPreview Parse(CorpusDocument document) => PolicyDocumentParser.Parse(document.Text, TestCatalog.Instance);

    private static Score Evaluate(CorpusDocument document)
    {
        var misses = new List<string>();
        var policy = Parse(document);
        var expected = document.Expected.Measures;
        var found = policy.Measures;
        if (!expected.Select(m => m.Label).SequenceEqual(found.Select(m => m.Label)))
        {
            misses.Add($"structure: labels {string.Join(" ", found.Select(m => m.Label))}");
        }
        int leads = 0, co = 0, flags = 0;
        foreach (var want in expected)
        {
            var got = found.FirstOrDefault(m => m.Label == want.Label);
            if (got is null)
            {
                misses.Add($"{want.Label}: missing");
                continue;
            }
            var gotLeads = got.Leads.Select(a => a.WrittenName).ToList();
            var gotCo = got.CoAgencies.Select(a => a.WrittenName).Where(n => !gotLeads.Contains(n)).ToList();
            if (gotLeads.SequenceEqual(want.Leads))
            {
                leads++;
            }
            else
            {
                misses.Add($"{want.Label}: leads {string.Join("、", gotLeads)} ≠ {string.Join("、", want.Leads)}");
            }
            if (gotCo.SequenceEqual(want.CoAgencies))
            {
                co++;
            }
            else
            {
                misses.Add($"{want.Label}: co {string.Join("、", gotCo)} ≠ {string.Join("、", want.CoAgencies)}");
            }
            if (got.OpenEnded == want.OpenEnded && got.LocalGovernments.SequenceEqual(want.LocalGovernments))
            {
                flags++;
            }
            else
            {
                misses.Add($"{want.Label}: open-ended {got.OpenEnded}, local {string.Join("、", got.LocalGovernments)}");
            }
        }
        return new Score(document.Slug, expected.Count, found.Count, leads, co, flags, misses, [.. policy.Warnings.Where(w => !w.Contains("不是已知单位", StringComparison.Ordinal))], policy.DocumentNumber + " " + policy.Title);
    }
}
