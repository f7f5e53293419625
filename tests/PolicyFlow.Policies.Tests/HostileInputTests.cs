using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using PolicyFlow.Policies;
using PolicyFlow.Testing;

namespace PolicyFlow.Policies.Tests;

/// <summary>
/// The importer reads what anyone uploads: every regular expression it uses runs with a timeout, and documents built to
/// make a parser backtrack or loop are read or refused in bounded time (the 10 MB timings are in bench/, not here).
/// </summary>
public sealed class HostileInputTests
{
    public static TheoryData<string> RegexMethods() => [.. ImporterRegexes().Select(m => $"{m.DeclaringType!.Name}.{m.Name}")];

    [Theory]
    [MemberData(nameof(RegexMethods))]
    public void EveryImporterRegularExpression_RunsWithATimeout(string name)
    {
        var method = ImporterRegexes().Single(m => $"{m.DeclaringType!.Name}.{m.Name}" == name);
        var regex = (Regex)method.Invoke(null, null)!;

        Assert.NotEqual(Regex.InfiniteMatchTimeout, regex.MatchTimeout);
        Assert.True(regex.MatchTimeout <= TimeSpan.FromSeconds(1), $"{name}: {regex.MatchTimeout}");
    }

    [Fact]
    public void TheImporter_HasRegularExpressionsToCheck()
    {
        Assert.True(ImporterRegexes().Count() >= 30, $"{ImporterRegexes().Count()} regular expressions found");
    }

    public static TheoryData<string> Hostile() => [.. PolicyFlow.Testing.HostileDocuments.Kinds];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void AHostileDocument_IsReadOrRefusedWithAReason_NeverAnotherError(string kind)
    {
        // How long it takes is measured in bench/ (`bench/run.sh importer`: 10 MB hostile documents, target ≤ 2 s), not here:
        // a timing bound in a test fails on a loaded machine, not on slow code. A pattern timeout would surface here as a
        // RegexMatchTimeoutException, not as a refusal.
        var text = PolicyFlow.Testing.HostileDocuments.Make(kind, 1024 * 1024);
        try
        {
            PolicyDocumentParser.Parse(text, TestCatalog.Instance);
        }
        catch (PolicyFormatException ex)
        {
            Assert.False(string.IsNullOrWhiteSpace(ex.Message));
        }
    }

    [Fact]
    public void ADocumentWithMoreNumberedItemsThanAnyPolicy_IsRefusedAsTooComplex()
    {
        var text = PolicyFlow.Testing.HostileDocuments.Make("numbered lines", 2 * 1024 * 1024);

        var error = Assert.Throws<PolicyFormatException>(() => PolicyDocumentParser.Parse(text, TestCatalog.Instance));

        Assert.Equal(PolicyFormatError.TooComplex, error.Error);
        Assert.Contains("does not look like a policy document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MeasuresNumberedPast99_AreAllRead()
    {
        var text = new StringBuilder("关于测试的若干措施\n\n为推进工作，制定以下措施。\n\n");
        for (var i = 1; i <= 120; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i}. 推进第{i}项工作。（省经信厅、省财政厅）\n");
        }
        text.Append("\n本措施自2031年10月1日起施行。\n\n浙江省经济和信息化厅\n2031年9月10日\n");

        var preview = PolicyDocumentParser.Parse(text.ToString(), TestCatalog.Instance);

        Assert.Equal(120, preview.Measures.Count);
        Assert.Equal("120.", preview.Measures[^1].Label);
    }

    // A measure whose body starts an effective-date clause (自…) ten thousand times: the effective-rule pattern tries each
    // start, tens of milliseconds in all — inside the importer's own 1 s, far past 1 ms.
    private static string LongMeasure() =>
        "关于测试的若干措施\n\n1. 推进工作。" + string.Concat(Enumerable.Repeat("自印发后", 10_000)) + "。（省经信厅负责）\n";

    [Fact]
    public void APatternThatRunsOutOfTime_RefusesTheDocumentAsTooComplex_AndLeavesTheNextParseAsItWas()
    {
        var text = LongMeasure();
        var seedBefore = SeedFiles.Read("000_9d0174e1f3b2ba58.txt");
        var expected = PolicyDocumentParser.Parse(seedBefore, TestCatalog.Instance).Measures.Select(m => (m.Label, m.Lead, m.Body)).ToList();

        var error = Assert.Throws<PolicyFormatException>(() => PolicyDocumentParser.Parse(
            text, TestCatalog.Instance, new PolicyParseOptions { MatchTimeout = TimeSpan.FromMilliseconds(1) }));

        Assert.Equal(PolicyFormatError.TooComplex, error.Error);
        Assert.IsType<RegexMatchTimeoutException>(error.InnerException);
        Assert.Contains("无法在限定时间内读取", error.Message, StringComparison.Ordinal);
        Assert.Contains("too complex to read in the time allowed", error.Message, StringComparison.Ordinal);
        // The same text under the importer's own limit is read: the refusal came from the time limit, and it did not stay.
        var measure = Assert.Single(PolicyDocumentParser.Parse(text, TestCatalog.Instance).Measures);
        Assert.Equal("jx-330000", measure.Lead?.AgencyId);
        Assert.Equal(expected, PolicyDocumentParser.Parse(seedBefore, TestCatalog.Instance).Measures.Select(m => (m.Label, m.Lead, m.Body)));
    }

    private static IEnumerable<MethodInfo> ImporterRegexes() =>
        typeof(PolicyDocumentParser).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && m.IsDefined(typeof(GeneratedRegexAttribute)));
}
