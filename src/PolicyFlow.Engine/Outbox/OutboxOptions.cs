namespace PolicyFlow.Engine.Outbox;

/// <summary>How the outbox dispatcher claims, retries and gathers messages.</summary>
public sealed class OutboxOptions
{
    /// <summary>How long a claimed message is reserved for its sender; a crash re-sends it after this, once.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts before a message that keeps failing for a passing reason is marked Failed.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failure; it doubles after each further one up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gather one recipient's reminders of one day into a digest instead of sending each.</summary>
    public bool DigestReminders { get; set; } = true;

    /// <summary>The message kind that digests gather.</summary>
    public string DigestKind { get; set; } = "Reminder";

    /// <summary>
    /// How long a reminder is held after it is written, so that the reminders a timer batch writes at 09:00 go out as one
    /// digest instead of a few singles and a digest of the rest.
    /// </summary>
    public TimeSpan DigestWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Whose calendar days a digest covers.</summary>
    public TimeZoneInfo DigestTimeZone { get; set; } = ShanghaiZone();

    /// <summary>The right-hand side of generated Message-IDs.</summary>
    public string MessageIdDomain { get; set; } = "policyflow";

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> failed ones: 1, 2, 4 … minutes, capped.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 20);
        var ticks = Math.Min(FirstRetryDelay.Ticks * (1L << doublings), MaxRetryDelay.Ticks);
        return TimeSpan.FromTicks(Math.Max(ticks, 0));
    }

    private static TimeZoneInfo ShanghaiZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Slim containers ship without tzdata; China has kept UTC+08:00 without DST since 1992.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
