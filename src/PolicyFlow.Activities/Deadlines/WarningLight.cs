namespace PolicyFlow.Activities.Deadlines;

/// <summary>The 红黄绿灯 status of a task against its due date.</summary>
public enum WarningLight
{
    /// <summary>Not near its due date, or no due date.</summary>
    Green,

    /// <summary>Within the warning window before its due date.</summary>
    Yellow,

    /// <summary>Overdue.</summary>
    Red,
}
