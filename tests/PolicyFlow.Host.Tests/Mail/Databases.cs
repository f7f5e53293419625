namespace PolicyFlow.Host.Tests.Mail;

/// <summary>Tests where the database matters run on both.</summary>
public sealed class Databases : TheoryData<string>
{
    public Databases()
    {
        Add("Sqlite");
        Add("PostgreSql");
    }
}
