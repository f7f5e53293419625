namespace PolicyFlow.Policies;

/// <summary>The measures, and the text after the last one (closing remarks, effective rule, signature).</summary>
internal sealed record MeasureSet(IReadOnlyList<MeasurePreview> Measures, string Tail, string LastBody);
