namespace PolicyFlow.Engine.Runtime;

/// <summary>What a bookmark waits for.</summary>
public enum BookmarkKind
{
    Task,
    Timer,
    Children,
    Signal,
}
