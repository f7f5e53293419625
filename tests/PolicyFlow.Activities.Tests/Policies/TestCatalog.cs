using PolicyFlow.Activities.Directories;

namespace PolicyFlow.Activities.Tests.Policies;

internal static class TestCatalog
{
    public static AgencyCatalog Instance { get; } = AgencyCatalog.Build(RegionDirectory.LoadEmbedded());
}
