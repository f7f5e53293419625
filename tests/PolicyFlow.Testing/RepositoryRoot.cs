namespace PolicyFlow.Testing;

/// <summary>The folder holding PolicyFlow.sln, found by walking up from the test binaries.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PolicyFlow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No PolicyFlow.sln above {AppContext.BaseDirectory}: run the tests from the repository checkout.");
    }
}
