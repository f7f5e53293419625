using PolicyFlow.Testing;

namespace PolicyFlow.Activities.Tests.Publishing;

/// <summary>The seed document as the policy office receives it (shared/seed beside the repository).</summary>
internal static class SeedPolicy
{
    // Found as the other seed files are, by walking up: a worktree of the repository is not always beside shared/.
    public static string Path => SeedFiles.Path("000_9d0174e1f3b2ba58.txt");

    public static string Text => File.ReadAllText(Path);

    public const string Id = "p2024-151-d27fde";

    /// <summary>Written by hand from the document: each measure's lead and co-agencies (agency ids), in order.</summary>
    public static readonly (int No, string Lead, string[] Co)[] Measures =
    [
        (1, "jx-330000", ["rcb-330000"]),
        (2, "rcb-330000", ["jx-330000", "rlsb-330000"]),
        (3, "rlsb-330000", ["jx-330000"]),
        (4, "jx-330000", ["rcb-330000", "rlsb-330000"]),
        (5, "jx-330000", ["rcb-330000", "rlsb-330000"]),
        (6, "jx-330000", []),
        (7, "kj-330000", ["fgw-330000", "jx-330000", "jy-330000", "cz-330000"]),
        (8, "jx-330000", ["rlsb-330000", "kx-330000", "zgh-330000"]),
        (9, "jx-330000", ["rcb-330000", "jy-330000", "rlsb-330000", "fgw-330000"]),
        (10, "jx-330000", ["xc-330000", "tz-330000", "rcb-330000", "rlsb-330000", "zgh-330000", "kx-330000"]),
    ];
}
