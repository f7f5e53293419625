namespace PolicyFlow.Host.Seed;

/// <summary>What a first run loads: the seed policy (浙经信人事〔2024〕151号) and whether its measures are launched.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Import the shipped seed policy at start (idempotent). Unset: only in Development.</summary>
    public bool? ImportPolicy { get; set; }

    /// <summary>
    /// Launch its ten measures at start (idempotent), so the Studio has work to show. Unset: only in Development — a launch
    /// sends real email to the agencies.
    /// </summary>
    public bool? LaunchPolicy { get; set; }

    /// <summary>
    /// Play the launched seed forward from some weeks ago to today through the engine (<see cref="DemoPlayback"/>), once
    /// per database. Unset: on. Only ever in Development, and only when the policy is imported and launched.
    /// </summary>
    public bool? Demo { get; set; }

    public bool PlaysDemo(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.IsDevelopment() && (Demo ?? true) && (ImportPolicy ?? true) && (LaunchPolicy ?? true);
    }
}
