namespace PolicyFlow.Host.Tests.Security;

/// <summary>What the several-hosts tests give each host process of their own.</summary>
internal static class SeveralHosts
{
    /// <summary>
    /// The storage settings with a HOME of the host's own: the default local key ring lives under HOME, so separate (empty)
    /// homes are separate key directories, and whatever the hosts share comes through the database.
    /// </summary>
    public static Dictionary<string, string> WithHome(IReadOnlyDictionary<string, string> environment, string home) =>
        new(environment) { ["HOME"] = home, ["DOTNET_CLI_HOME"] = home };
}
