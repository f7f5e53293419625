namespace PolicyFlow.Host.Studio.Localization;

internal static partial class Strings
{
    private static readonly Dictionary<string, (string Zh, string En)> Notifications = new()
    {
        ["Nav.Notifications"] = ("消息通知", "Notifications"),
        ["Nav.Unread"] = ("条未读", "unread"),
        ["Nav.OpenTasks"] = ("项待办", "open tasks"),
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
