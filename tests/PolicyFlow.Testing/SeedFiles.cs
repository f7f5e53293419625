namespace PolicyFlow.Testing;

/// <summary>Finds the shared seed documents: <c>shared/</c> sits beside the repository (../shared from /work/main).</summary>
public static class SeedFiles
{
    /// <summary>The path of a seed document, e.g. <c>000_9d0174e1f3b2ba58.txt</c>.</summary>
    public static string Path(string fileName) => SharedPath("seed", fileName);

    public static string Read(string fileName) => File.ReadAllText(Path(fileName));

    /// <summary>A file under the shared folder, found by walking up from the test's base directory.</summary>
    public static string SharedPath(string folder, string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var shared = System.IO.Path.Combine(dir.FullName, "shared");
            if (System.IO.Directory.Exists(System.IO.Path.Combine(shared, "seed")))
            {
                return System.IO.Path.Combine(shared, folder, fileName);
            }
        }
        throw new InvalidOperationException(
            $"No shared/seed folder above {AppContext.BaseDirectory}: check out the shared folder beside the repository "
            + "(…/main and …/shared side by side) so that ../shared/seed exists.");
    }
}
