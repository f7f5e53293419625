namespace PolicyFlow.Policies.Corrections;

/// <summary>A correction cannot be applied; the message names it and says why in Chinese and English. Nothing was changed.</summary>
public sealed class PolicyCorrectionException(int index, string reason)
    : Exception($"第 {index} 条更正无法应用：{reason} (Correction {index} cannot be applied.)")
{
    /// <summary>The correction's 1-based position in the list.</summary>
    public int Index { get; } = index;

    /// <summary>Why, in Chinese and English.</summary>
    public string Reason { get; } = reason;
}
