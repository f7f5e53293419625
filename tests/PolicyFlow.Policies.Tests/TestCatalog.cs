using PolicyFlow.Directories;

namespace PolicyFlow.Policies.Tests;

internal static class TestCatalog
{
    public static AgencyCatalog Instance { get; } = AgencyCatalog.Build(RegionDirectory.LoadEmbedded());
}
