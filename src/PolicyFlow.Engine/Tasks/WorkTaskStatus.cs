namespace PolicyFlow.Engine.Tasks;

/// <summary>Life of a human task: open, signed for (claimed), completed, or cancelled.</summary>
public enum WorkTaskStatus
{
    Open,
    Claimed,
    Completed,
    Cancelled,
}
