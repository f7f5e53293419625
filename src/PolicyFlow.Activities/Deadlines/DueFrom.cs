namespace PolicyFlow.Activities.Deadlines;

/// <summary>The moment a relative due rule counts from (JSON: "created" | "effective").</summary>
public enum DueFrom
{
    /// <summary>The task's creation (assignment).</summary>
    Created,

    /// <summary>The policy's effective date (施行之日).</summary>
    Effective,
}
