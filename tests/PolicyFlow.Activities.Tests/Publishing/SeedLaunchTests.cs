using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Directories;
using PolicyFlow.Activities.Publishing;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Testing;

namespace PolicyFlow.Activities.Tests.Publishing;

public sealed class SeedLaunchTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task LaunchingTheSeed_AssignsEveryMeasureToItsLead_CoAgencies_ElevenCities_AndNinetyCounties(string provider)
    {
        // Published 2024-07-22; the office launches the same day.
        await using var h = await WorkflowHarness.StartAsync(provider, now: new DateTimeOffset(2024, 7, 22, 10, 0, 0, TimeSpan.FromHours(8)));
        foreach (var name in WorkflowTemplates.Shared)
        {
            await h.Definitions.SaveAndPublishAsync(WorkflowTemplates.Read(name), "seed");
        }
        var policy = await h.Services.GetRequiredService<PolicyPublisher>().PublishAsync(new ImportRequest(SeedPolicy.Text), "office");
        var launcher = h.Services.GetRequiredService<PolicyLauncher>();
        var instances = await launcher.LaunchAsync(policy.Id, "office");
        Assert.Equal(10, instances.Count);
        Assert.Equal(instances.Select(i => i.Id), (await launcher.LaunchAsync(policy.Id, "office")).Select(i => i.Id));

        // Nothing is due before the policy is in force: 2024-08-21 00:00 Asia/Shanghai.
        var inForce = ChinaTime.StartOfDay(new DateOnly(2024, 8, 21));
        h.Clock.SetUtcNow(inForce.AddSeconds(-1));
        await h.Pump.DrainAsync();
        Assert.Empty(await AllTasksAsync(h));

        h.Clock.SetUtcNow(inForce);
        await h.Pump.DrainAsync();
        var plans = await AllTasksAsync(h);
        Assert.Equal(SeedPolicy.Measures.Select(m => m.Lead), plans.OrderBy(t => Measure(t)).Select(t => t.Task.Assignee));

        foreach (var plan in plans)
        {
            await h.Engine.CompleteTaskAsync(plan.Task.Id, "Done", plan.Task.Assignee);
        }
        var catalog = h.Services.GetRequiredService<AgencyCatalog>();
        var regions = h.Services.GetRequiredService<RegionDirectory>();
        var open = (await AllTasksAsync(h)).Where(t => t.Task.IsOpen && Step(t) != "monthly").ToList();
        foreach (var (no, lead, co) in SeedPolicy.Measures)
        {
            var tasks = open.Where(t => Measure(t) == no).ToList();
            var kind = catalog.Find(lead)!.KindCode;
            Assert.Equal(co.Order(), tasks.Where(t => Step(t) == "co").Select(t => t.Task.Assignee).Order());
            Assert.Equal(regions.Cities.Select(c => $"{kind}-{c.Code}").Order(), tasks.Where(t => Step(t) == "city").Select(t => t.Task.Assignee).Order());
            var counties = tasks.Where(t => Step(t) == "county").ToList();
            Assert.Equal(90, counties.Count);
            Assert.Equal(90, counties.Select(t => t.Task.Assignee).Distinct().Count());
            Assert.Equal(co.Length + 11 + 90, tasks.Count);
            var hangzhou = counties.Where(t => t.Facts.CityCode == "330100").Select(t => catalog.Find(t.Task.Assignee)!.Name).ToList();
            Assert.Equal(13, hangzhou.Count);
            Assert.All(hangzhou, name => Assert.DoesNotContain("杭州市", name));
        }
        Assert.Contains(open, t => t.Task.Assignee == "jx-330102" && catalog.Find(t.Task.Assignee)!.Name == "上城区经信局");
        Assert.All(open, t => Assert.NotNull(t.Task.DueAt));
    }

    private static async Task<List<(WorkTask Task, TaskFacts Facts)>> AllTasksAsync(WorkflowHarness h)
    {
        await using var db = h.Db.Create();
        var facts = await db.TaskFacts.AsNoTracking().ToDictionaryAsync(f => f.TaskId);
        return [.. (await db.Tasks.AsNoTracking().ToListAsync()).Select(t => (t, facts[t.Id]))];
    }

    private static int Measure((WorkTask Task, TaskFacts Facts) task) => task.Facts.MeasureNo!.Value;

    private static string Step((WorkTask Task, TaskFacts Facts) task) => task.Facts.Step;
}
