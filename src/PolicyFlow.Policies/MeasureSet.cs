namespace PolicyFlow.Policies;

/// <summary>The measures, the items read as framing rather than measures, and the text after the last item (closing
/// remarks, effective rule, signature).</summary>
internal sealed record MeasureSet(IReadOnlyList<MeasurePreview> Measures, IReadOnlyList<NonMeasurePreview> NonMeasures, string Tail, string LastBody);
