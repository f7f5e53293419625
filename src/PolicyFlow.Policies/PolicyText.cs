using System.Text;

namespace PolicyFlow.Policies;

/// <summary>Brings the many ways a document can be typed or extracted onto one form the parser reads.</summary>
/// <remarks>Full-width letters and digits become ASCII; brackets become （） and 〔〕; ASCII ,;:!? next to Chinese
/// become their full-width forms; every line-break variant becomes \n and every other space a plain space.</remarks>
internal static class PolicyText
{
    private const string TerminalPunctuation = "。！？；：…";

    public static string Canonicalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                continue;
            }
            var previous = i > 0 ? text[i - 1] : ' ';
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            var mapped = Map(c, previous, next);
            if (mapped != '\0')
            {
                builder.Append(mapped);
            }
        }
        return builder.ToString();
    }

    /// <summary>Trimmed lines with runs of spaces collapsed; blank lines are kept as empty strings.</summary>
    public static IReadOnlyList<string> Lines(string canonical) =>
        [.. canonical.Split('\n').Select(CollapseSpaces)];

    public static string RemoveWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>Whether text ends a sentence or paragraph, so a following line break is real and not PDF wrapping.</summary>
    public static bool EndsSentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length > 0 && EndsSentence(trimmed[^1], trimmed.Length > 1 ? trimmed[^2] : ' ');
    }

    /// <summary>Whether a line is the publication note under the date (附注: （此件公开发布）, （此件主动公开）).</summary>
    public static bool IsPublicationNote(string line) => line.StartsWith("（此件", StringComparison.Ordinal);

    /// <summary>Whether a line notes whose seal stands for the signer's (（国家中医药管理局代章）): part of the signature.</summary>
    public static bool IsSealNote(string line) =>
        line.StartsWith('（') && line.EndsWith("代章）", StringComparison.Ordinal) && line.IndexOf('（', 1) < 0;

    /// <summary>The same test on the last two characters, for callers that build text incrementally.</summary>
    public static bool EndsSentence(char last, char beforeLast) =>
        last is '”' or '’' or '」' or '』'
            ? TerminalPunctuation.Contains(beforeLast, StringComparison.Ordinal)
            : TerminalPunctuation.Contains(last, StringComparison.Ordinal);

    /// <summary>Joins lines of one wrapped sentence or title.</summary>
    public static string JoinLines(IEnumerable<string> lines)
    {
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            AppendWrapped(builder, line);
        }
        return builder.ToString();
    }

    /// <summary>Appends the next piece of a sentence a line break separated; ASCII words keep a space between them.</summary>
    public static void AppendWrapped(StringBuilder builder, string piece)
    {
        if (builder.Length > 0 && piece.Length > 0 && char.IsAsciiLetterOrDigit(builder[^1]) && char.IsAsciiLetterOrDigit(piece[0]))
        {
            builder.Append(' ');
        }
        builder.Append(piece);
    }

    public static bool IsCjk(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u3000' and <= '\u303F')
            or (>= '\uFF00' and <= '\uFFEF') or '“' or '”' or '‘' or '’' or '…' or '—';

    /// <summary>Drops spaces that touch a Chinese character (PDF extraction inserts them around numbers).</summary>
    public static string TidySpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ')
            {
                var before = builder.Length > 0 ? builder[^1] : ' ';
                var after = i + 1 < text.Length ? text[i + 1] : ' ';
                if (before == ' ' || after == ' ' || IsCjk(before) || IsCjk(after))
                {
                    continue;
                }
            }
            builder.Append(c);
        }
        return builder.ToString().Trim();
    }

    private static char Map(char c, char previous, char next)
    {
        switch (c)
        {
            case '\n' or '\f' or '\v' or '\u0085' or '\u2028' or '\u2029':
                return '\n';
            case '\u200B' or '\u200C' or '\u200D' or '\uFEFF':
                return '\0';
            case '(':
                return '（';
            case ')':
                return '）';
            case '[' or '［' or '【':
                return '〔';
            case ']' or '］' or '】':
                return '〕';
            case ',' or ';' or ':' or '!' or '?' when IsCjk(previous) || IsCjk(next):
                return (char)(c + 0xFEE0);
            case '（' or '）' or '，' or '：' or '；' or '！' or '？':
                return c;
            case >= '\uFF01' and <= '\uFF5E':
                return (char)(c - 0xFEE0);
            default:
                return char.IsWhiteSpace(c) ? ' ' : c;
        }
    }

    private static string CollapseSpaces(string line)
    {
        var builder = new StringBuilder(line.Length);
        foreach (var c in line.Trim())
        {
            if (c != ' ' || builder.Length == 0 || builder[^1] != ' ')
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
