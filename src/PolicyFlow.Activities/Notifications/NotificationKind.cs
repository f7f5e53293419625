namespace PolicyFlow.Activities.Notifications;

/// <summary>What an email tells its reader; each kind has its own templates.</summary>
public enum NotificationKind
{
    /// <summary>A task was assigned (任务交办).</summary>
    TaskAssigned,

    /// <summary>A task is near its due date (到期提醒).</summary>
    Reminder,

    /// <summary>A task is overdue (逾期通知).</summary>
    Overdue,

    /// <summary>A task is long overdue; to the lead agency and leadership (逾期督办).</summary>
    Escalation,

    /// <summary>A submission was returned for rework (退回重办).</summary>
    Returned,

    /// <summary>A submission was accepted (审核通过).</summary>
    Accepted,

    /// <summary>An extension request was decided (延期申请结果).</summary>
    ExtensionDecided,

    /// <summary>A policy comes into force; to the lead agencies (政策施行).</summary>
    PolicyInForce,

    /// <summary>Someone who supervises the task urges the assignee agency to finish it (催办).</summary>
    Urge,

    /// <summary>One recipient's reminders of one day in one message; written by the outbox dispatcher.</summary>
    Digest,
}
