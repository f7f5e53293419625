namespace PolicyFlow.Host.Studio.Layout;

/// <summary>
/// Tells the navigation that its counts (unread notices, open tasks) may have changed — a notice read, a task signed —
/// so the badges follow without a reload. One per circuit.
/// </summary>
internal sealed class NavBadges
{
    public event Func<Task>? Changed;

    public Task RefreshAsync() => Changed?.Invoke() ?? Task.CompletedTask;
}
