namespace PolicyFlow.Activities.Extensions;

/// <summary>How far an extension (延期) may move a due date.</summary>
public static class ExtensionRules
{
    /// <summary>At most a year beyond the current due date: a date further out is a typo or a probe, not a plan.</summary>
    public static readonly TimeSpan MaxExtension = TimeSpan.FromDays(366);

    public const string TooFar = "申请的新期限距当前期限不得超过 366 天。 An extension may move the due date by at most 366 days; ask for a nearer date.";
}
