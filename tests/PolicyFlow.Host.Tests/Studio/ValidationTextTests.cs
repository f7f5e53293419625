using System.Globalization;
using PolicyFlow.Engine.Activities;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Host.Studio.Localization;

namespace PolicyFlow.Host.Tests.Studio;

/// <summary>The engine's defects, as its validator writes them, read in Chinese in the designer.</summary>
public sealed class ValidationTextTests
{
    private static readonly Loc L = new();

    // The Studio's language is the UI culture of the thread; the machine's own must not decide the test.
    public ValidationTextTests() => CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");

    [Theory]
    [InlineData("""{"id":"x","name":"x","activities":[{"id":"a","type":"Nope"}],"connections":[{"from":"a","outcome":"Done","to":"b"}]}""")]
    [InlineData("""{"id":"x y","name":"x","activities":[],"connections":[]}""")]
    [InlineData("""{"id":"x","name":"","activities":{},"connections":[]}""")]
    [InlineData("""not json""")]
    public void EveryDefectOfTheValidator_ReadsInChinese(string json)
    {
        var errors = Assert.Throws<InvalidDefinitionException>(() => new DefinitionValidator(new ActivityRegistry([])).Parse(json)).Errors;

        Assert.NotEmpty(errors);
        foreach (var e in errors)
        {
            var text = ValidationText.Translate(L, e.Message);
            Assert.NotEqual(e.Message, text);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", text);
        }
    }

    [Fact]
    public void ADueRuleDefect_KeepsItsPrefix_AndItsDetail()
    {
        var text = ValidationText.Translate(L, "due rule: 'unit' must be \"calendar\" or \"working\", not \"weeks\"");

        Assert.Equal("办理时限：“unit”必须是 \"calendar\"（自然日）或 \"working\"（工作日），而不是 \"weeks\"", text);
    }

    [Fact]
    public void AMessageOfAnUnknownShape_IsShownAsWritten() =>
        Assert.Equal("something new", ValidationText.Translate(L, "something new"));
}
