using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace PolicyFlow.Activities.Postponements;

/// <summary>How far an extension (延期) may move a due date: <c>Deadlines:MaxExtensionDays</c>, checked at start.</summary>
public sealed class ExtensionRules
{
    public const string Section = "Deadlines";

    /// <summary>At most this many days beyond the current due date (default a year): further out is a typo or a probe, not a plan.</summary>
    [Range(1, 3660, ErrorMessage = "Deadlines:MaxExtensionDays must be between 1 and 3660 days.")]
    public int MaxExtensionDays { get; set; } = 366;

    public TimeSpan MaxExtension => TimeSpan.FromDays(MaxExtensionDays);

    public string TooFar => string.Create(CultureInfo.InvariantCulture,
        $"申请的新期限距当前期限不得超过 {MaxExtensionDays} 天。 An extension may move the due date by at most {MaxExtensionDays} days; ask for a nearer date.");
}
