using System.Text.RegularExpressions;
using System.Xml.Linq;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Architecture;

/// <summary>The shape of the house, checked: dependencies point one way, and task facts have one owner.</summary>
public sealed partial class ArchitectureTests
{
    [Fact]
    public void TheEngine_ReferencesNeitherTheActivitiesNorTheHost()
    {
        var references = typeof(WorkflowEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, n => n.StartsWith("PolicyFlow.", StringComparison.Ordinal));
        Assert.DoesNotContain(references, n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || n.StartsWith("Hangfire", StringComparison.Ordinal)
            || n.StartsWith("MailKit", StringComparison.Ordinal));
    }

    [Fact]
    public void TheActivities_ReferenceNeitherTheStorageNorTheHost()
    {
        var references = typeof(Activities.Tracking.TaskFacts).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain("PolicyFlow.Host", references);
        Assert.DoesNotContain("PolicyFlow.Storage", references);
    }

    [Fact]
    public void TheStorage_MapsTheLayersBelow_AndKnowsNothingOfTheHost()
    {
        var storage = typeof(Activities.Persistence.PolicyFlowDbContext).Assembly;
        Assert.Equal("PolicyFlow.Storage", storage.GetName().Name);
        var references = storage.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, n => n.StartsWith("PolicyFlow.Host", StringComparison.Ordinal) || n.StartsWith("Hangfire", StringComparison.Ordinal)
            || n.StartsWith("MailKit", StringComparison.Ordinal) || n.StartsWith("MudBlazor", StringComparison.Ordinal)
            || n.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal) || n.StartsWith("Microsoft.AspNetCore.Http", StringComparison.Ordinal));
        // Both contexts, their provider flavours and every migration live here: EF finds a context's migrations in its assembly.
        Assert.All([typeof(Host.Storage.SqlitePolicyFlowDbContext), typeof(Host.Storage.PostgresPolicyFlowDbContext),
            typeof(Host.Auth.Storage.SqliteAccountsDbContext), typeof(Host.Auth.Storage.PostgresAccountsDbContext)],
            t => Assert.Same(storage, t.Assembly));
        var migrationsInTheHost = typeof(PolicyFlowHost).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration))).Select(t => t.FullName).ToList();
        Assert.True(migrationsInTheHost.Count == 0, "Migrations belong in src/PolicyFlow.Storage/Migrations (EF never applies one in the host):\n"
            + string.Join('\n', migrationsInTheHost));
    }

    [Fact]
    public void NoNamespace_IsCalledExtensions_WhichInDotNetMeansExtensionMethods()
    {
        // 延期 (a due date's extension) lives in Postponements; an AddXxx class keeps its ServiceCollectionExtensions name.
        var offenders = new[] { typeof(WorkflowEngine).Assembly, typeof(Activities.Tracking.TaskFacts).Assembly,
                typeof(Activities.Persistence.PolicyFlowDbContext).Assembly, typeof(PolicyFlowHost).Assembly }
            .SelectMany(a => a.GetTypes()).Select(t => t.Namespace ?? "")
            .Where(n => n.StartsWith("PolicyFlow.", StringComparison.Ordinal) && n.Split('.').Contains("Extensions", StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(offenders.Count == 0, "Name the folder after its concept:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void NothingButTheStorage_NamesADatabaseProvider()
    {
        var offenders = SourceFiles("src")
            .Where(f => !f.StartsWith(RepositoryRoot.Combine("src", "PolicyFlow.Storage") + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(RepositoryRoot.Path, f), Match: ProviderAccess().Match(File.ReadAllText(f))))
            .Where(f => f.Match.Success).Select(f => $"{f.File}: {f.Match.Value}").ToList();
        Assert.True(offenders.Count == 0,
            "Which database PolicyFlow runs on is the storage's business (DbFactory, AccountsDb): open contexts through them:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void TheImporter_ReferencesNoEngine_OnlyTheAgencyDirectory()
    {
        var importer = typeof(PolicyFlow.Policies.PolicyDocumentParser).Assembly;
        Assert.Equal("PolicyFlow.Policies", importer.GetName().Name);
        var references = importer.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("PolicyFlow.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["PolicyFlow.Directories"], references);
        var directories = typeof(PolicyFlow.Directories.AgencyCatalog).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(directories, n => n.StartsWith("PolicyFlow.", StringComparison.Ordinal));
    }

    [Fact]
    public void TheImportersTests_BuildTheImporterOnly_NotTheHost()
    {
        var project = XDocument.Load(RepositoryRoot.Combine("tests", "PolicyFlow.Policies.Tests", "PolicyFlow.Policies.Tests.csproj"));
        var references = project.Descendants("ProjectReference").Select(r => Path.GetFileName(r.Attribute("Include")!.Value.Replace('\\', '/'))).ToList();
        Assert.Equal(["PolicyFlow.Policies.csproj"], references);
    }

    [Fact]
    public void TheEnginesTests_BuildNoHost_AndTheSharedTestSupportNeither()
    {
        // The engine's tests run the engine and the activities on the storage; the host is started as a process only by the host's tests.
        foreach (var project in new[] { "PolicyFlow.Engine.Tests", "PolicyFlow.Testing" })
        {
            var file = XDocument.Load(RepositoryRoot.Combine("tests", project, project + ".csproj"));
            var references = file.Descendants("ProjectReference").Select(r => Path.GetFileName(r.Attribute("Include")!.Value.Replace('\\', '/'))).ToList();
            Assert.DoesNotContain("PolicyFlow.Host.csproj", references);
        }
    }

    [Fact]
    public void NoCodeOutsideTaskSettings_ReadsATasksDataJsonByKey()
    {
        var offenders = Directory.EnumerateFiles(RepositoryRoot.Combine("src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains("Migrations", StringComparison.Ordinal) && !f.EndsWith("TaskSettings.cs", StringComparison.Ordinal))
            .Where(f =>
            {
                var text = File.ReadAllText(f);
                return text.Contains("DataJson", StringComparison.Ordinal) && KeyRead().IsMatch(text);
            })
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f)).ToList();
        Assert.True(offenders.Count == 0, "Read task facts through TaskFacts (or TaskSettings), not DataJson by key:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void NoStudioComponent_OpensADatabaseOrCallsTheEngine_ItGoesThroughTheUseCases()
    {
        var offenders = Directory.EnumerateFiles(RepositoryRoot.Combine("src", "PolicyFlow.Host", "Studio"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(RepositoryRoot.Path, f), Match: DataAccess().Match(File.ReadAllText(f))))
            .Where(f => f.Match.Success).Select(f => $"{f.File}: {f.Match.Value}").ToList();
        Assert.True(offenders.Count == 0,
            "The Studio reads and acts through Application/ use cases (access, validation and audit in one place), not through the database or the engine:\n"
            + string.Join('\n', offenders));
    }

    private static IEnumerable<string> SourceFiles(params string[] under) =>
        Directory.EnumerateFiles(RepositoryRoot.Combine(under), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex(@"\b(SqlitePolicyFlowDbContext|PostgresPolicyFlowDbContext|SqliteAccountsDbContext|PostgresAccountsDbContext|UseSqlite|UseNpgsql|SqlitePragmas)\b")]
    private static partial Regex ProviderAccess();

    [GeneratedRegex(@"\b(DbFactory|PolicyFlowDbContext|AccountsDb|AccountsDbContext|IEngineDbFactory|WorkflowEngine|DefinitionService\.Save|PolicyPublisher|PolicyLauncher|UserManager)\b")]
    private static partial Regex DataAccess();

    [GeneratedRegex("""[?!)]\["[A-Za-z]+"\]""")]
    private static partial Regex KeyRead();
}
