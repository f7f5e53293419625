namespace PolicyFlow.Activities.Notifications;

/// <summary>What a notification talks about; each kind's templates use the parts they need.</summary>
public sealed record NotificationModel
{
    /// <summary>The task the message links to in the Studio.</summary>
    public Guid? TaskId { get; init; }

    public Guid? InstanceId { get; init; }
    public string? TaskTitle { get; init; }
    public string? MeasureTitle { get; init; }
    public string? PolicyTitle { get; init; }

    /// <summary>The agency responsible for the task (承办单位).</summary>
    public string? AgencyName { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Whole Asia/Shanghai days until the due day; computed from <see cref="DueAt"/> when not given.</summary>
    public int? DaysLeft { get; init; }

    /// <summary>Whole Asia/Shanghai days past the due day; computed from <see cref="DueAt"/> when not given.</summary>
    public int? DaysOverdue { get; init; }

    /// <summary>A reviewer's or approver's comment (审核意见).</summary>
    public string? Comment { get; init; }

    /// <summary>For an extension decision: granted or not.</summary>
    public bool? Approved { get; init; }

    /// <summary>For a granted extension: the new due moment.</summary>
    public DateTimeOffset? NewDueAt { get; init; }

    /// <summary>交办日期: the day a policy imported or launched after it took effect is tracked from, when it has one.</summary>
    public DateTimeOffset? TrackingStartAt { get; init; }

    /// <summary>For a policy coming into force: when it does.</summary>
    public DateTimeOffset? EffectiveAt { get; init; }
}
