namespace PolicyFlow.Activities.Publishing;

/// <summary>An imported policy document as the policy office confirmed it.</summary>
public sealed class PolicyRecord
{
    public required string Id { get; set; }
    public required string Title { get; set; }
    public string? DocumentNumber { get; set; }
    public string IssuersJson { get; set; } = "[]";
    public DateOnly? PublishedOn { get; set; }
    public string? EffectiveRule { get; set; }
    public DateOnly EffectiveOn { get; set; }

    /// <summary>00:00 Asia/Shanghai on <see cref="EffectiveOn"/>: when the measures' workflows go past their WaitUntil.</summary>
    public DateTimeOffset EffectiveAt { get; set; }

    /// <summary>交办日期: the day the policy's work is tracked from when it is imported or launched after it took effect;
    /// relative due dates count from the later of this and <see cref="EffectiveOn"/>. Null until one is set.</summary>
    public DateOnly? TrackingStartOn { get; set; }

    /// <summary>The document's text as imported, kept for the record.</summary>
    public required string SourceText { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
    public required string ImportedBy { get; set; }
    public List<MeasureRecord> Measures { get; set; } = [];

    /// <summary>The policy office's corrections of the preview, in the order they apply.</summary>
    public List<PolicyCorrectionRecord> Corrections { get; set; } = [];
}
