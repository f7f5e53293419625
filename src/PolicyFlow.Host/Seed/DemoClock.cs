namespace PolicyFlow.Host.Seed;

/// <summary>
/// The host's clock in Development when the demo is played (<see cref="DemoPlayback"/>): the system clock, except while
/// the playback pins it to the moment being played, so every task, timer, journal entry and email written then carries
/// the time it would have had. Never registered outside Development.
/// </summary>
internal sealed class DemoClock : TimeProvider
{
    private DateTimeOffset? _pinned;

    public override DateTimeOffset GetUtcNow() => _pinned ?? System.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    public void Pin(DateTimeOffset at) => _pinned = at.ToUniversalTime();

    public void Release() => _pinned = null;
}
