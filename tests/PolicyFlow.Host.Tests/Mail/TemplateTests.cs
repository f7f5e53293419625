using PolicyFlow.Activities.Notifications;

namespace PolicyFlow.Host.Tests.Mail;

/// <summary>The Liquid templates: both languages, administrators' overrides, and user text kept harmless in HTML.</summary>
public sealed class TemplateTests : IDisposable
{
    private static readonly Guid TaskId = Guid.Parse("7d6b3c52-4c0e-4f47-9a55-1f0f0d9c2a11");
    private readonly string _folder = Directory.CreateTempSubdirectory("pf-templates-").FullName;

    private static NotificationModel Model(string title = "报送卓越工程师培养实施方案") => new()
    {
        TaskId = TaskId,
        TaskTitle = title,
        MeasureTitle = "（一）实施卓越工程师培养工程",
        AgencyName = "浙江省经济和信息化厅",
        DueAt = new DateTimeOffset(2025, 10, 14, 17, 0, 0, TimeSpan.FromHours(8)),
        DaysLeft = 1,
        DaysOverdue = 0,
        Comment = "请补充经费测算",
        Approved = true,
        NewDueAt = new DateTimeOffset(2025, 10, 31, 17, 0, 0, TimeSpan.FromHours(8)),
        PolicyTitle = "关于加快建设卓越工程师队伍的若干措施",
        EffectiveAt = new DateTimeOffset(2024, 8, 21, 0, 0, 0, TimeSpan.FromHours(8)),
    };

    private NotificationRenderer Renderer() => new(new NotificationOptions { StudioBaseUrl = "https://studio.zj.gov.cn/", TemplatesPath = _folder });

    [Fact]
    public void ChineseReminder_RendersSubjectTextAndHtml_WithTheShanghaiDueDateAndTheTaskLink()
    {
        var mail = Renderer().Render(NotificationKind.Reminder, new Recipient("a@zj.gov.cn", "省经信厅"), Model());

        Assert.Equal("【到期提醒】报送卓越工程师培养实施方案（2025年10月14日到期，剩余1天）", mail.Subject);
        Assert.StartsWith("省经信厅：", mail.TextBody);
        Assert.Contains("承办单位：浙江省经济和信息化厅", mail.TextBody);
        Assert.Contains($"https://studio.zj.gov.cn/tasks/{TaskId}", mail.TextBody);
        Assert.Contains("此邮件由 PolicyFlow 政策落实系统自动发送", mail.TextBody);
        Assert.Contains("<html lang=\"zh-CN\">", mail.HtmlBody);
        Assert.Contains($"<a href=\"https://studio.zj.gov.cn/tasks/{TaskId}\"", mail.HtmlBody);
        Assert.Equal("zh-CN", mail.Culture);
    }

    [Fact]
    public void EnglishRecipient_GetsTheEnglishTemplates()
    {
        var mail = Renderer().Render(NotificationKind.Reminder, new Recipient("a@zj.gov.cn", "Ms Li", "en-US"), Model());

        Assert.Equal("[Reminder] 报送卓越工程师培养实施方案 is due on 14 October 2025 (1 day left)", mail.Subject);
        Assert.StartsWith("Dear Ms Li,", mail.TextBody);
        Assert.Contains("Due: 14 October 2025", mail.TextBody);
        Assert.Contains("<html lang=\"en\">", mail.HtmlBody);
        Assert.Equal("en", mail.Culture);
    }

    [Theory]
    [CombinatorialKinds]
    public void EveryKind_RendersInBothLanguages_WithItsLink(NotificationKind kind, string culture)
    {
        var mail = Renderer().Render(kind, new Recipient("a@zj.gov.cn", "收件人", culture), Model());

        Assert.False(string.IsNullOrWhiteSpace(mail.Subject));
        Assert.DoesNotContain("\n", mail.Subject);
        Assert.Contains($"https://studio.zj.gov.cn/tasks/{TaskId}", mail.TextBody);
        Assert.Contains($"https://studio.zj.gov.cn/tasks/{TaskId}", mail.HtmlBody);
        Assert.DoesNotContain("{{", mail.TextBody + mail.HtmlBody + mail.Subject);
    }

    [Fact]
    public void OverrideFileInTheTemplatesFolder_ReplacesTheEmbeddedDefault()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "zh-CN"));
        File.WriteAllText(Path.Combine(_folder, "zh-CN", "TaskAssigned.subject.liquid"), "【省经信厅督办】{{ task_title }} — {{ agency_name }}");

        var mail = Renderer().Render(NotificationKind.TaskAssigned, new Recipient("a@zj.gov.cn", "省经信厅"), Model());

        Assert.Equal("【省经信厅督办】报送卓越工程师培养实施方案 — 浙江省经济和信息化厅", mail.Subject);
        Assert.Contains("您单位有一项新任务待办理", mail.TextBody);
    }

    [Fact]
    public void BrokenOverrideFile_IsReportedAtStart_AndTheDefaultServesMeanwhile()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "zh-CN"));
        File.WriteAllText(Path.Combine(_folder, "zh-CN", "Accepted.subject.liquid"), "【审核通过】{{ task_title ");
        var renderer = Renderer();

        var error = Assert.Single(renderer.ValidateOverrides());
        Assert.Contains("Accepted.subject.liquid", error);
        Assert.Equal("【审核通过】报送卓越工程师培养实施方案", renderer.Render(NotificationKind.Accepted, new Recipient("a@zj.gov.cn", "甲"), Model()).Subject);
    }

    [Fact]
    public void ScriptTagInATaskTitle_IsEscapedInHtml_AndKeptAsWrittenInText()
    {
        const string Title = "<script>alert('x')</script>方案 & 预算";

        var mail = Renderer().Render(NotificationKind.TaskAssigned, new Recipient("a@zj.gov.cn", "甲"), Model(Title));

        Assert.DoesNotContain("<script>", mail.HtmlBody);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;方案 &amp; 预算", mail.HtmlBody);
        Assert.Contains($"任务：{Title}", mail.TextBody);
        Assert.Equal($"【任务交办】{Title}（请于2025年10月14日前完成）", mail.Subject);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
