namespace PolicyFlow.Host.Studio.Localization;

internal static partial class Strings
{
    private static readonly Dictionary<string, (string Zh, string En)> Notifications = new()
    {
        ["Nav.Notifications"] = ("消息通知", "Notifications"),
        ["Nav.Unread"] = ("条未读", "unread"),
        ["Nav.OpenTasks"] = ("项待办", "open tasks"),
        ["Inbox.Keyword"] = ("任务名称关键词", "Title keyword"),
        ["Inbox.AllVisible"] = ("全部可见任务", "All I can see"),
        ["Inbox.MyAgency"] = ("本单位承办", "My agency's"),
        ["Inbox.DueWithin"] = ("到期时间", "Due"),
        ["Inbox.WithinDays"] = ("{0} 天内到期（含逾期）", "Within {0} days (overdue too)"),
        ["Inbox.MeasureNo"] = ("措施序号", "Measure no."),
        ["Inbox.MeasureN"] = ("措施（{0}）", "Measure {0}"),
        ["Inbox.Step"] = ("环节", "Step"),
        ["Inbox.Sort"] = ("排序", "Sort"),
        ["Inbox.Sort.DueFirst"] = ("期限最近在前", "Soonest due first"),
        ["Inbox.Sort.DueLast"] = ("期限最远在前", "Latest due first"),
        ["Inbox.Sort.Newest"] = ("最新交办在前", "Newest first"),
        ["Inbox.Sort.Oldest"] = ("最早交办在前", "Oldest first"),
        ["Inbox.Sort.Title"] = ("按任务名称", "By title"),
        ["Inbox.Total"] = ("共 {0} 项", "{0} tasks"),
        ["Inbox.BatchClaim"] = ("批量签收（{0}）", "Sign for selected ({0})"),
        ["Inbox.BatchClaimed"] = ("已签收 {0} 项，{1} 项未能签收", "{0} signed for, {1} refused"),
        ["Notice.UnreadOnly"] = ("只看未读", "Unread only"),
        ["Notice.ReadAll"] = ("全部标为已读", "Mark all read"),
        ["Notice.None"] = ("没有通知。", "No notifications."),
        ["Notice.Summary"] = ("共 {0} 条，未读 {1} 条", "{0} in all, {1} unread"),
        ["Notice.OpenTask"] = ("查看任务", "Open the task"),
        ["Notice.MarkRead"] = ("标为已读", "Mark read"),
        ["Notice.Read"] = ("已读", "Read"),
        ["Notice.Kind.TaskAssigned"] = ("任务交办", "Assigned"),
        ["Notice.Kind.Reminder"] = ("到期提醒", "Reminder"),
        ["Notice.Kind.Overdue"] = ("逾期通知", "Overdue"),
        ["Notice.Kind.Escalation"] = ("逾期督办", "Escalation"),
        ["Notice.Kind.Returned"] = ("退回重办", "Returned"),
        ["Notice.Kind.Accepted"] = ("审核通过", "Accepted"),
        ["Notice.Kind.ExtensionDecided"] = ("延期审批", "Extension decided"),
        ["Notice.Kind.PolicyInForce"] = ("政策施行", "Policy in force"),
        ["Notice.Kind.Urge"] = ("催办", "Urge"),
    };
}
