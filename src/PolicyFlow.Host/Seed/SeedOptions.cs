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
}
