namespace PolicyFlow.Activities.Deadlines;

/// <summary>What a planned deadline notice says.</summary>
public enum NoticeKind
{
    /// <summary>The due date is near (到期提醒).</summary>
    Reminder,

    /// <summary>The task is overdue (逾期通知).</summary>
    Overdue,

    /// <summary>The task is long overdue and goes to leadership (督办升级).</summary>
    Escalation,
}
