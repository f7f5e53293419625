namespace PolicyFlow.Activities.Tracking;

/// <summary>The steps of a measure's flow, as the templates name them in each task activity's <c>step</c> property.</summary>
public static class StepNames
{
    public const string Plan = "plan";
    public const string Monthly = "monthly";
    public const string CoAgency = "co";
    public const string Review = "review";
    public const string City = "city";
    public const string County = "county";
    public const string Report = "report";

    /// <summary>A task activity that names no step.</summary>
    public const string Task = "task";

    public static IReadOnlyList<string> All { get; } = [Plan, Monthly, CoAgency, Review, City, County, Report];
}
