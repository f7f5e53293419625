namespace PolicyFlow.Policies;

/// <summary>A top-level bracketed span: <see cref="Start"/> is the opener's index, <see cref="End"/> the closer's.</summary>
internal readonly record struct BracketGroup(int Start, int End);

/// <summary>Finds bracket groups in canonical text, where （）, 〔〕 nest inside each other (县〔市、区〕).</summary>
internal static class BracketScanner
{
    private const string Openers = "（〔";
    private const string Closers = "）〕";

    /// <summary>Top-level groups in order, and the index of an opener that never closes (or -1).</summary>
    public static (IReadOnlyList<BracketGroup> Groups, int UnclosedAt) Scan(string text)
    {
        var groups = new List<BracketGroup>();
        var depth = 0;
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (Openers.Contains(text[i], StringComparison.Ordinal))
            {
                if (depth++ == 0)
                {
                    start = i;
                }
            }
            else if (Closers.Contains(text[i], StringComparison.Ordinal) && depth > 0)
            {
                // A stray closer at depth 0 is a typo, not structure; it is left as text.
                if (--depth == 0)
                {
                    groups.Add(new BracketGroup(start, i));
                }
            }
        }
        return (groups, depth > 0 ? start : -1);
    }

    /// <summary>Splits at any of <paramref name="separators"/> outside brackets; pieces are kept even when empty.</summary>
    public static IReadOnlyList<string> SplitTopLevel(string text, string separators)
    {
        var pieces = new List<string>();
        var depth = 0;
        var from = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Openers.Contains(c, StringComparison.Ordinal))
            {
                depth++;
            }
            else if (Closers.Contains(c, StringComparison.Ordinal) && depth > 0)
            {
                depth--;
            }
            else if (depth == 0 && separators.Contains(c, StringComparison.Ordinal))
            {
                pieces.Add(text[from..i]);
                from = i + 1;
            }
        }
        pieces.Add(text[from..]);
        return pieces;
    }
}
