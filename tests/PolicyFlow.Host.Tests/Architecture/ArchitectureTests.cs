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
    public void TheActivities_DoNotReferenceTheHost()
    {
        var references = typeof(Activities.Tracking.TaskFacts).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain("PolicyFlow.Host", references);
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

    [GeneratedRegex(@"\b(DbFactory|PolicyFlowDbContext|AccountsDb|AccountsDbContext|IEngineDbFactory|WorkflowEngine|DefinitionService\.Save|PolicyPublisher|PolicyLauncher|UserManager)\b")]
    private static partial Regex DataAccess();

    [GeneratedRegex("""[?!)]\["[A-Za-z]+"\]""")]
    private static partial Regex KeyRead();
}
