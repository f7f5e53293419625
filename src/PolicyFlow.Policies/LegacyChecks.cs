namespace PolicyFlow.Policies;

/// <summary>Truncation checks for a document read by numbering alone (no agency list anywhere).</summary>
internal static class LegacyChecks
{
    public static void LastMeasure(MeasureHeading heading, string label, string body, bool earlierList)
    {
        var trimmed = body.Trim();
        if (trimmed.Length == 0)
        {
            throw TruncationErrors.HeadingOnly(label, heading.Line);
        }
        if (earlierList)
        {
            throw TruncationErrors.NoList(label, heading.Line);
        }
        if (!PolicyText.EndsSentence(trimmed))
        {
            throw TruncationErrors.MidSentence(label, heading.Line, trimmed);
        }
    }
}
