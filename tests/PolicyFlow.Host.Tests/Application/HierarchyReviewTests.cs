using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Application.Supervision;
using PolicyFlow.Host.Application.Tasks;
using static PolicyFlow.Host.Tests.Application.HierarchyReviewWorld;

namespace PolicyFlow.Host.Tests.Application;

/// <summary>
/// Issue 13 item 2, review up the hierarchy: a county's report is reviewed by its city's counterpart, who accepts it or
/// returns it with the reason; the city's report shows 已报 n/13 and may go up with the rest marked 未报; the provincial
/// lead reviews the city's report; returns are counted in the ranking. All through the use cases, on both databases.
/// </summary>
public sealed class HierarchyReviewTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task ACountysReport_IsReturnedByItsCityWithTheReason_TheCountySeesIt_AndTheReturnIsCounted(string provider)
    {
        await using var w = await StartAsync(provider);
        var county = await w.OpenAsync("jx-330102", StepNames.County);
        await w.Get<ClaimTask>().HandleAsync(Shangcheng, county.Id);
        await w.Get<ReportProgress>().HandleAsync(Shangcheng, county.Id, new ReportProgress.Request("已召开专题会议部署", 60));
        await w.Get<CompleteTask>().HandleAsync(Shangcheng, county.Id, new CompleteTask.Request("Done", "已落实，材料见附件"));

        // The submission waits for 杭州市经信局, named by the county, showing what the county reported.
        var review = await w.OpenAsync("jx-330100", StepNames.Review, "上城区");
        Assert.Equal(["Accept", "Return"], review.OutcomeList);
        var detail = await w.Get<TaskDetail>().HandleAsync(Hangzhou, review.Id);
        var submission = Assert.Single(detail.UnderReview);
        Assert.Equal(("jx-330102", "已落实，材料见附件", "已召开专题会议部署", 60),
            (submission.Agency.Id, submission.Comment, submission.ProgressNote, submission.ProgressPercent));

        // A return without a reason is refused with what to write, and changes nothing.
        var refusal = await Assert.ThrowsAsync<EngineException>(() => w.Get<CompleteTask>().ReturnAsync(Hangzhou, review.Id, "  "));
        Assert.Equal(EngineError.Invalid, refusal.Error);
        Assert.Contains("退回重办须写明", refusal.Message, StringComparison.Ordinal);
        Assert.True((await w.OpenAsync("jx-330100", StepNames.Review, "上城区")).IsOpen);
        Assert.DoesNotContain(await w.TasksAsync("jx-330102", StepNames.County), t => t.IsOpen);
        Assert.Equal(("jx-330100", "task.return", 400, true), Shape(await w.LastAuditAsync(review.Id)));

        Assert.True((await w.Get<CompleteTask>().ReturnAsync(Hangzhou, review.Id, "缺少企业工程师名单，请补充后重报")).WasChanged);
        Assert.Equal(("jx-330100", "task.return", 200, false), Shape(await w.LastAuditAsync(review.Id)));

        // The step comes back to the county as round 2, with the city's reason in what the county reads.
        var again = await w.OpenAsync("jx-330102", StepNames.County);
        Assert.NotEqual(county.Id, again.Id);
        Assert.Equal(2, (await w.FactsAsync(again.Id)).Round);
        var countyView = await w.Get<TaskDetail>().HandleAsync(Shangcheng, again.Id);
        Assert.True(countyView.CanAct);
        var returned = Assert.Single(countyView.History, l => l.Kind == HistoryKinds.Returned);
        Assert.Equal("缺少企业工程师名单，请补充后重报", returned.Text);

        // Resubmitted and reviewed again: one return for the county and for its city, not two (the second review is no return).
        await w.Get<CompleteTask>().HandleAsync(Shangcheng, again.Id, new CompleteTask.Request("Done", "已补充名单"));
        var second = await w.OpenAsync("jx-330100", StepNames.Review, "上城区");
        await w.Get<CompleteTask>().HandleAsync(Hangzhou, second.Id, new CompleteTask.Request("Accept", "审核通过"));
        var ranking = w.Get<RankingReport>();
        var request = new RankingReport.Request(Period: "custom", From: new DateOnly(2024, 9, 1), To: new DateOnly(2024, 9, 30));
        var counties = await ranking.HandleAsync(Leader, request with { Of = "county" });
        Assert.Equal(1, Assert.Single(counties.Rows, r => r.Key == "330102").Returns);
        Assert.All(counties.Rows.Where(r => r.Key != "330102"), r => Assert.Equal(0, r.Returns));
        var cities = await ranking.HandleAsync(Leader, request with { Of = "city" });
        Assert.Equal(1, Assert.Single(cities.Rows, r => r.Key == "330100").Returns);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task OnlyTheCitysCounterpart_ReviewsItsCountysReport_TheCountyAndAForeignCityAreRefusedAndAudited(string provider)
    {
        await using var w = await StartAsync(provider);
        var county = await w.OpenAsync("jx-330102", StepNames.County);
        await w.Get<CompleteTask>().HandleAsync(Shangcheng, county.Id, new CompleteTask.Request("Done", "已落实"));
        var review = await w.OpenAsync("jx-330100", StepNames.Review, "上城区");

        // The county cannot review its own report, nor can 宁波市经信局 review 杭州's: neither even sees the review.
        foreach (var caller in new[] { Shangcheng, Ningbo })
        {
            var refused = await Assert.ThrowsAsync<EngineException>(() =>
                w.Get<CompleteTask>().HandleAsync(caller, review.Id, new CompleteTask.Request("Accept", "通过")));
            Assert.Equal(EngineError.NotFound, refused.Error);
            Assert.Equal((caller.UserName, "task.complete", 404, true), Shape(await w.LastAuditAsync(review.Id)));
            await Assert.ThrowsAsync<EngineException>(() => w.Get<CompleteTask>().ReturnAsync(caller, review.Id, "不通过"));
        }
        Assert.True((await w.OpenAsync("jx-330100", StepNames.Review, "上城区")).IsOpen);
        Assert.DoesNotContain(await w.TasksAsync("jx-330102", StepNames.County), t => t.IsOpen);

        // The city accepts: the county has reported (its instance is done) and nothing goes back to it.
        await w.Get<CompleteTask>().HandleAsync(Hangzhou, review.Id, new CompleteTask.Request("Accept", "审核通过"));
        Assert.Equal(("jx-330100", "task.complete", 200, false), Shape(await w.LastAuditAsync(review.Id)));
        Assert.DoesNotContain(await w.TasksAsync("jx-330102", StepNames.County), t => t.IsOpen);
        await using var db = w.Harness.Db.Create();
        Assert.Equal(InstanceStatus.Completed, await db.Instances.Where(i => i.Id == county.InstanceId).Select(i => i.Status).SingleAsync());
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task TheCityReportShowsItsCounties_GoesUpWithTheRestMarkedNotReported_AndTheLeadReviewsIt(string provider)
    {
        await using var w = await StartAsync(provider);
        var city = await w.OpenAsync("jx-330100", StepNames.City);
        var before = (await w.Get<TaskDetail>().HandleAsync(Hangzhou, city.Id)).Counties!;
        Assert.Equal((0, 13), (before.Reported, before.Total));
        Assert.All(before.Counties, c => Assert.Equal(CountyReportStates.NotReported, c.State));

        // 上城区 reports: awaiting the city's review, then reported once accepted — 已报 1/13.
        var county = await w.OpenAsync("jx-330102", StepNames.County);
        await w.Get<CompleteTask>().HandleAsync(Shangcheng, county.Id, new CompleteTask.Request("Done", "已落实"));
        var waiting = (await w.Get<TaskDetail>().HandleAsync(Hangzhou, city.Id)).Counties!;
        Assert.Equal(CountyReportStates.AwaitingReview, Assert.Single(waiting.Counties, c => c.County.Id == "jx-330102").State);
        Assert.Equal(0, waiting.Reported);
        await w.Get<CompleteTask>().HandleAsync(Hangzhou, (await w.OpenAsync("jx-330100", StepNames.Review, "上城区")).Id,
            new CompleteTask.Request("Accept", "审核通过"));
        var oneIn = (await w.Get<TaskDetail>().HandleAsync(Hangzhou, city.Id)).Counties!;
        Assert.Equal((1, 13), (oneIn.Reported, oneIn.Total));
        Assert.Equal("上城区经信局", Assert.Single(oneIn.Counties, c => c.State == CountyReportStates.Reported).County.Name);

        // The city reports on time with twelve counties still out; the lead's review shows them marked 未报.
        await w.Get<CompleteTask>().HandleAsync(Hangzhou, city.Id, new CompleteTask.Request("Done", "全市汇总报告，12个县（市、区）尚未报送"));
        var leadReview = await w.OpenAsync("jx-330000", StepNames.Review, "杭州市");
        var asLead = await w.Get<TaskDetail>().HandleAsync(Lead, leadReview.Id);
        Assert.True(asLead.CanAct);
        Assert.Equal("jx-330100", Assert.Single(asLead.UnderReview).Agency.Id);
        Assert.Equal((1, 13, 12), (asLead.Counties!.Reported, asLead.Counties.Total, asLead.Counties.NotReported.Count()));

        // A county reported later does not change what the city's report said.
        w.Harness.Clock.Advance(TimeSpan.FromHours(2));
        var xihu = await w.OpenAsync("jx-330106", StepNames.County);
        await w.Get<CompleteTask>().HandleAsync(Staff("jx-330106"), xihu.Id, new CompleteTask.Request("Done", "已落实"));
        await w.Get<CompleteTask>().HandleAsync(Hangzhou, (await w.OpenAsync("jx-330100", StepNames.Review, "西湖区")).Id,
            new CompleteTask.Request("Accept", "审核通过"));
        Assert.Equal(1, (await w.Get<TaskDetail>().HandleAsync(Lead, leadReview.Id)).Counties!.Reported);

        // Another provincial agency may not review; the lead returns it with the reason, which the city reads on round 2.
        var notLead = await Assert.ThrowsAsync<EngineException>(() =>
            w.Get<CompleteTask>().HandleAsync(OtherProvincial, leadReview.Id, new CompleteTask.Request("Accept", "通过")));
        Assert.Equal(EngineError.NotFound, notLead.Error);
        await Assert.ThrowsAsync<EngineException>(() => w.Get<CompleteTask>().ReturnAsync(Lead, leadReview.Id, null));
        await w.Get<CompleteTask>().ReturnAsync(Lead, leadReview.Id, "请补充各县落实数据");
        Assert.Equal(("jx-330000", "task.return", 200, false), Shape(await w.LastAuditAsync(leadReview.Id)));
        var cityAgain = await w.OpenAsync("jx-330100", StepNames.City);
        var cityView = await w.Get<TaskDetail>().HandleAsync(Hangzhou, cityAgain.Id);
        Assert.Equal("请补充各县落实数据", Assert.Single(cityView.History, l => l.Kind == HistoryKinds.Returned).Text);
        Assert.Equal(2, cityView.Counties!.Reported);

        // Reported again and accepted: the city's part is done, but its instance waits for its last counties.
        await w.Get<CompleteTask>().HandleAsync(Hangzhou, cityAgain.Id, new CompleteTask.Request("Done", "已补充"));
        await w.Get<CompleteTask>().HandleAsync(Lead, (await w.OpenAsync("jx-330000", StepNames.Review, "杭州市")).Id, new CompleteTask.Request("Accept", "审核通过"));
        Assert.Equal(InstanceStatus.Waiting, (await w.Harness.InstanceAsync(city.InstanceId)).Status);
        Assert.Empty(await w.Harness.TasksAsync(city.InstanceId, WorkTaskStatus.Open));
        var ranking = await w.Get<RankingReport>().HandleAsync(Leader,
            new RankingReport.Request("city", "custom", new DateOnly(2024, 9, 1), new DateOnly(2024, 9, 30)));
        Assert.Equal(1, Assert.Single(ranking.Rows, r => r.Key == "330100").Returns);
        var rest = await OpenCountiesOfHangzhouAsync(w);
        Assert.Equal(11, rest.Count);
        foreach (var open in rest)
        {
            await w.Get<CompleteTask>().HandleAsync(Staff(open.Assignee), open.Id, new CompleteTask.Request("Done", "已落实"));
            await w.Get<CompleteTask>().HandleAsync(Hangzhou, (await OpenReviewOfAsync(w, open.InstanceId)).Id, new CompleteTask.Request("Accept", "审核通过"));
        }
        Assert.Equal(InstanceStatus.Completed, (await w.Harness.InstanceAsync(city.InstanceId)).Status);
    }

    private static readonly PolicyFlow.Host.Auth.Caller Leader = new("leader", new HashSet<string> { PolicyFlow.Host.Auth.Roles.Leadership }, "jx-330000");

    private static (string, string, int, bool) Shape(PolicyFlow.Host.Auth.Audit.AuditEntry e) => (e.UserName, e.Method, e.Status, e.Refused);

    private static async Task<List<WorkTask>> OpenCountiesOfHangzhouAsync(HierarchyReviewWorld w)
    {
        await using var db = w.Harness.Db.Create();
        return await db.Tasks.AsNoTracking()
            .Where(t => (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.Claimed)
                && db.TaskFacts.Any(f => f.TaskId == t.Id && f.Step == StepNames.County && f.CityCode == "330100"))
            .ToListAsync();
    }

    private static async Task<WorkTask> OpenReviewOfAsync(HierarchyReviewWorld w, Guid countyInstance) =>
        Assert.Single(await w.Harness.TasksAsync(countyInstance, WorkTaskStatus.Open), t => t.Assignee == "jx-330100");
}
