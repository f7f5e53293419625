namespace PolicyFlow.Engine.Tests.Support;

/// <summary>Every engine test runs on both databases.</summary>
public sealed class Providers : TheoryData<string>
{
    public Providers()
    {
        Add("Sqlite");
        Add("PostgreSql");
    }
}
