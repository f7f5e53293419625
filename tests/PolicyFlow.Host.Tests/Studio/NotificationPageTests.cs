using Microsoft.Playwright;

namespace PolicyFlow.Host.Tests.Studio;

/// <summary>站内通知 in the Studio: the emailed assignment shows in the agency's list, with a count in the navigation, and is read there.</summary>
[Collection(StudioCollection.Name)]
public sealed class NotificationPageTests(StudioHost host) : StudioTest(host)
{
    [Fact]
    public async Task AnAssignmentEmail_AppearsInTheNotificationList_AndMarkingItReadLowersTheBadge()
    {
        var tag = StudioFlows.NewTag();
        await Host.PublishAsync(StudioFlows.AgencyStep($"notice-{tag}", tag)); // a task for jx-330000, the demo administrator's agency
        await Host.LaunchAsync($"notice-{tag}");

        await OpenAsync("/notifications");
        var badge = Page.GetByTestId("badge-notifications");
        await Assertions.Expect(badge).ToBeVisibleAsync();
        var before = await UnreadAsync();
        var notice = Page.GetByTestId("notice").Filter(new() { HasText = $"制定实施方案 {tag}" });
        await Assertions.Expect(notice).ToHaveCountAsync(1);
        await Assertions.Expect(notice).ToHaveAttributeAsync("data-read", "false");
        await Assertions.Expect(notice).ToContainTextAsync("任务交办");
        await ScreenshotAsync("notifications-zh");

        await notice.GetByTestId("mark-read").ClickAsync();
        await Assertions.Expect(notice).ToHaveAttributeAsync("data-read", "true");
        await Assertions.Expect(badge).ToHaveTextAsync((before - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var api = await Host.GetObjectAsync("/api/notifications?unreadOnly=true&take=100");
        Assert.Equal(before - 1, api["unread"]!.GetValue<int>());
        Assert.DoesNotContain(api["items"]!.AsArray(), i => i!["subject"]!.GetValue<string>().Contains(tag, StringComparison.Ordinal)
            || i["text"]!.GetValue<string>().Contains(tag, StringComparison.Ordinal));

        await notice.GetByTestId("notice-task").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("page-title")).ToHaveTextAsync($"制定实施方案 {tag}");
    }

    private async Task<int> UnreadAsync()
    {
        var text = await Page.GetByTestId("badge-notifications").InnerTextAsync();
        return text.EndsWith('+') ? 1000 : int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }
}
