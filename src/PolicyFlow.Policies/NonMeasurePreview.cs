namespace PolicyFlow.Policies;

/// <summary>A numbered item the importer did not take as a measure, with the reason, so nothing is dropped silently.</summary>
/// <param name="Label">The number as written, e.g. 一、 or （二）.</param>
/// <param name="Title">The item's heading up to its first 。.</param>
/// <param name="Reason">Why it is not a measure, in Chinese and English.</param>
/// <param name="Line">The 1-based line number in the imported text.</param>
public sealed record NonMeasurePreview(string Label, string Title, string Reason, int Line);
