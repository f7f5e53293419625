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

/// <summary>Both databases, each with both orders of two steps (true: the first one first).</summary>
public sealed class ProvidersAndOrders : TheoryData<string, bool>
{
    public ProvidersAndOrders()
    {
        foreach (var provider in new[] { "Sqlite", "PostgreSql" })
        {
            Add(provider, true);
            Add(provider, false);
        }
    }
}
