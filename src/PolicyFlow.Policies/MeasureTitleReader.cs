namespace PolicyFlow.Policies;

/// <summary>Separates a measure's title from its content.</summary>
/// <remarks>
/// The title is the heading line's text up to its first 。 (a comma-free phrase), or the whole heading line when it has
/// no 。 and is short. A PDF-wrapped title continues on following short lines without sentence punctuation, provided
/// the title line was long enough to have been wrapped and text remains for the body.
/// </remarks>
internal static class MeasureTitleReader
{
    private const int MaxTitleLength = 60;
    private const int MaxContinuationLength = 25;
    private const int MinWrappedTitleLength = 12;
    private static readonly char[] SentencePunctuation = ['，', '。', '；', '：', '！', '？'];

    public static MeasureText Read(IReadOnlyList<string> lines, MeasureHeading heading, int end)
    {
        var extent = lines.Skip(heading.Line + 1).Take(end - heading.Line - 1).ToList();
        var rest = heading.Rest;
        var title = "";
        string? leading = null;
        var position = 0;
        var mayContinue = false;
        if (rest.Length == 0)
        {
            var k = NextNonBlank(extent, 0);
            if (k < extent.Count && extent[k].Length <= MaxTitleLength && !extent[k].Contains('。', StringComparison.Ordinal)
                && !extent[k].StartsWith('（') && NextNonBlank(extent, k + 1) < extent.Count)
            {
                title = extent[k];
                position = k + 1;
                mayContinue = true;
            }
        }
        else
        {
            var stop = rest.IndexOf('。', StringComparison.Ordinal);
            var candidate = stop >= 0 ? rest[..stop] : rest;
            if (candidate.Length is > 0 and <= MaxTitleLength && (stop < 0 || !candidate.Contains('，', StringComparison.Ordinal)))
            {
                title = candidate;
                mayContinue = stop < 0;
                if (stop >= 0 && rest[(stop + 1)..].Trim() is { Length: > 0 } remainder)
                {
                    leading = remainder;
                }
            }
            else
            {
                leading = rest;
            }
        }
        var joined = false;
        while (mayContinue && title.Length >= MinWrappedTitleLength)
        {
            var k = NextNonBlank(extent, position);
            if (k >= extent.Count || !IsContinuation(extent[k], title) || NextNonBlank(extent, k + 1) >= extent.Count)
            {
                break;
            }
            title = PolicyText.JoinLines([title, extent[k]]);
            position = k + 1;
            joined = true;
        }
        var contentLines = extent.Skip(position);
        if (leading is not null)
        {
            contentLines = contentLines.Prepend(leading);
        }
        var firstLine = leading is not null ? heading.Line : heading.Line + 1 + position;
        return new MeasureText(PolicyText.TidySpaces(title), joined, string.Join('\n', contentLines), firstLine);
    }

    private static bool IsContinuation(string line, string title) =>
        line.Length <= MaxContinuationLength
        && title.Length + line.Length <= MaxTitleLength
        && line.IndexOfAny(SentencePunctuation) < 0
        && !line.StartsWith('（');

    private static int NextNonBlank(List<string> lines, int from)
    {
        while (from < lines.Count && lines[from].Length == 0)
        {
            from++;
        }
        return from;
    }
}
