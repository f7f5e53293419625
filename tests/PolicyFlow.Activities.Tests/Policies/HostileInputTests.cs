using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using PolicyFlow.Activities.Policies;
using PolicyFlow.Activities.Publishing;

namespace PolicyFlow.Activities.Tests.Policies;

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
    public void AHostileDocument_IsReadOrRefused_InBoundedTime(string kind)
    {
        var text = PolicyFlow.Testing.HostileDocuments.Make(kind, 1024 * 1024);
        var watch = Stopwatch.StartNew();
        try
        {
            PolicyDocumentParser.Parse(text, TestCatalog.Instance);
        }
        catch (PolicyFormatException ex)
        {
            Assert.False(string.IsNullOrWhiteSpace(ex.Message));
        }
        watch.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{kind}: {watch.Elapsed.TotalMilliseconds:0} ms for 1 MB");
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

    private static IEnumerable<MethodInfo> ImporterRegexes() =>
        typeof(PolicyDocumentParser).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("PolicyFlow.Activities.Policies", StringComparison.Ordinal) == true || t == typeof(PolicyIds))
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && m.IsDefined(typeof(GeneratedRegexAttribute)));
}
