using System.Text.RegularExpressions;
using PolicyFlow.Directories;

namespace PolicyFlow.Policies;

/// <summary>Reads title, 文号, issuers and date from the text around the measures.</summary>
/// <remarks>
/// 文号 is a line that is only a document number. Titles are blocks of lines with no sentence punctuation that are not
/// a 文号, a date or a line of agency names; the notice title is the first one ending in 通知, the policy title the last
/// one before the first heading (for a notice alone, the 《…》 it publishes). The signing date (成文日期) is the first line
/// that is only a date, before or after the measures; a …印发 footer date is the fallback. Issuers come from the
/// header above the 文号, else the signature above the date, else the notice title's prefix.
/// </remarks>
internal static partial class FrontMatterReader
{
    private const int MaxTitleLength = 150;
    private static readonly char[] SentencePunctuation = ['，', '。', '；', '：'];

    // Bounds the lazy regex below on text without full stops.
    private const int MaxSentenceLength = 2000;

    public static FrontMatter Read(
        IReadOnlyList<string> front, IReadOnlyList<string> tail, AgencyCatalog catalog, List<string> warnings)
    {
        var numberLine = IndexOf(front, l => PatternTimeout.Use(DocumentNumber()).IsMatch(PolicyText.RemoveWhitespace(l)));
        var documentNumber = numberLine < 0 ? null : NormalizeNumber(front[numberLine]);
        if (documentNumber is null)
        {
            warnings.Add("未找到文号（如 浙经信人事〔2024〕151号），请填写。(No document number (文号) found; please enter it.)");
        }
        var titles = Blocks(front, catalog).Where(b => IsTitleLike(b, catalog)).Select(b => b.Text).ToList();
        var notice = titles.FirstOrDefault(t => t.EndsWith("通知", StringComparison.Ordinal));
        var title = titles.LastOrDefault();
        // A heading of the policy's own (“十三五”应急体系9个具体建设任务) may stand after its title: the block that repeats the
        // name the notice publishes is the title.
        if (notice is not null && PublishedName(notice) is { } name && titles.LastOrDefault(t => PolicyText.TidySpaces(t) == name) is { } repeated)
        {
            title = repeated;
        }
        if (title is not null && title == notice && PatternTimeout.Use(Published()).Match(notice) is { Success: true } published)
        {
            title = published.Groups["title"].Value;
        }
        title = title is null ? null : PolicyText.TidySpaces(title);
        if (title is null)
        {
            warnings.Add("未找到政策标题，请填写。(No policy title found; please enter it.)");
        }
        var (date, signature) = FindDate(front, tail, catalog, warnings);
        var issuers = ReadIssuers(front, numberLine, signature, notice, catalog, warnings);
        return new FrontMatter(title, notice, documentNumber, issuers, date);
    }

    /// <summary>Whether the text before the measures says 以下…各市、县（市、区）…落实 for all measures.</summary>
    public static bool StatesLocalImplementation(IReadOnlyList<string> front) =>
        PolicyText.RemoveWhitespace(string.Concat(front))
            .Split('。')
            .Any(sentence => sentence.Length <= MaxSentenceLength && PatternTimeout.Use(LocalForAll()).IsMatch(sentence));

    private static (DateOnly? Date, IReadOnlyList<string> Signature) FindDate(
        IReadOnlyList<string> front, IReadOnlyList<string> tail, AgencyCatalog catalog, List<string> warnings)
    {
        foreach (var lines in new[] { front, tail })
        {
            for (var i = 0; i < lines.Count; i++)
            {
                if (ChineseNumbers.TryParseDateLine(lines[i], out var date, out var suffix) && suffix.Length == 0)
                {
                    return (date, SignatureAbove(lines, i, catalog));
                }
            }
        }
        foreach (var line in tail.Concat(front))
        {
            if (ChineseNumbers.TryParseDateLine(line, out var date, out var suffix))
            {
                warnings.Add($"未找到成文日期，已采用“{line}”中的日期，请核对。(No signing date found; the date of '{line}' is used instead. Please check.)");
                return (date, []);
            }
        }
        warnings.Add("未找到成文日期（如 2024年7月22日），请填写。(No publication date found; please enter it.)");
        return (null, []);
    }

    // The signature is the run of agency-name lines just above the date, blank lines and a seal note
    // (（国家中医药管理局代章）, the office signing with another agency's seal) allowed between them.
    private static List<string> SignatureAbove(IReadOnlyList<string> lines, int dateLine, AgencyCatalog catalog)
    {
        var signature = new List<string>();
        for (var i = dateLine - 1; i >= 0; i--)
        {
            if (lines[i].Length == 0 || PolicyText.IsSealNote(lines[i]))
            {
                continue;
            }
            if (!IssuerNames.IsAgencyLine(lines[i], catalog))
            {
                break;
            }
            signature.Insert(0, lines[i]);
        }
        return signature;
    }

    private static IReadOnlyList<AgencyRef> ReadIssuers(
        IReadOnlyList<string> front, int numberLine, IReadOnlyList<string> signature, string? notice,
        AgencyCatalog catalog, List<string> warnings)
    {
        var header = numberLine > 0
            ? IssuerNames.Read(front.Take(numberLine).Where(l => IssuerNames.IsAgencyLine(l, catalog)), catalog)
            : [];
        var signed = IssuerNames.Read(signature, catalog);
        if (header.Count > 0 && signed.Count > 0 && !Key(header).SetEquals(Key(signed)))
        {
            warnings.Add("版头与落款的发文机关不一致，已采用版头，请核对。(The issuers in the header and the signature differ; the header is used. Please check.)");
        }
        var issuers = header.Count > 0 ? header : signed;
        if (issuers.Count == 0 && notice is not null && notice.IndexOf("关于", StringComparison.Ordinal) is > 0 and var about)
        {
            issuers = IssuerNames.Read([notice[..about]], catalog);
        }
        if (issuers.Count == 0)
        {
            warnings.Add("未找到发文机关，请填写。(No issuing agencies found; please enter them.)");
        }
        foreach (var unknown in issuers.Where(i => !i.IsKnown))
        {
            warnings.Add($"发文机关“{unknown.WrittenName}”不是已知单位，请政策处映射。(Issuer '{unknown.WrittenName}' is not a known agency; the policy office must map it.)");
        }
        return issuers;
    }

    private static HashSet<string> Key(IReadOnlyList<AgencyRef> refs) =>
        refs.Select(r => r.AgencyId ?? r.WrittenName).ToHashSet(StringComparer.Ordinal);

    private static string? PublishedName(string notice) =>
        PatternTimeout.Use(Published()).Match(notice) is { Success: true } quoted ? quoted.Groups["title"].Value
        : PatternTimeout.Use(PublishedUnquoted()).Match(notice) is { Success: true } bare ? bare.Groups["title"].Value
        : null;

    private static bool IsTitleLike((string Text, List<string> Lines) block, AgencyCatalog catalog)
    {
        var text = block.Text;
        return text.Length is >= 4 and <= MaxTitleLength
            && text.IndexOfAny(['，', '。', '；']) < 0
            && !text.EndsWith('：')
            && !text.StartsWith("附件", StringComparison.Ordinal)
            && !text.StartsWith("抄送", StringComparison.Ordinal)
            && !PolicyText.IsPublicationNote(text)
            && !PolicyText.IsSealNote(text)
            && !(block.Lines.Count == 1 && NumberedOrAttachment(text))
            && !PatternTimeout.Use(DocumentNumber()).IsMatch(PolicyText.RemoveWhitespace(text))
            && !ChineseNumbers.TryParseDateLine(text, out _, out _)
            && !block.Lines.All(l => IssuerNames.IsAgencyLine(l, catalog));
    }

    // Paragraphs of the front matter; a 文号, date or agency-name line is a block of its own even without blank lines around it.
    private static IEnumerable<(string Text, List<string> Lines)> Blocks(IReadOnlyList<string> lines, AgencyCatalog catalog)
    {
        var block = new List<string>();
        foreach (var line in lines.Append(""))
        {
            // A line with sentence punctuation (the addressee line, a preamble) is never part of a title block, even
            // in text with one paragraph per line and no blank lines between title and body.
            var standalone = line.Length > 0 && (IsStandalone(line, catalog) || line.IndexOfAny(SentencePunctuation) >= 0
                || PolicyText.IsPublicationNote(line));
            if (line.Length > 0 && !standalone)
            {
                block.Add(line);
                continue;
            }
            if (block.Count > 0)
            {
                yield return (PolicyText.JoinLines(block), block);
                block = [];
            }
            if (standalone)
            {
                yield return (line, [line]);
            }
        }
    }

    // A numbered line (一、考评对象 of a 考评办法 whose 附件 holds the measures) or an attachment mark (附件) stands alone too:
    // neither is part of a title, nor a title.
    private static bool IsStandalone(string line, AgencyCatalog catalog) =>
        PatternTimeout.Use(DocumentNumber()).IsMatch(PolicyText.RemoveWhitespace(line))
        || ChineseNumbers.TryParseDateLine(line, out _, out _)
        || IssuerNames.IsAgencyLine(line, catalog)
        || NumberedOrAttachment(line);

    private static bool NumberedOrAttachment(string line) => OutlineScanner.StartsNumbered(line) || OutlineScanner.IsAttachmentMark(line);

    private static string NormalizeNumber(string line)
    {
        var match = PatternTimeout.Use(DocumentNumber()).Match(PolicyText.RemoveWhitespace(line));
        return $"{match.Groups["org"].Value}〔{match.Groups["year"].Value}〕{match.Groups["seq"].Value}号";
    }

    private static int IndexOf(IReadOnlyList<string> lines, Func<string, bool> predicate)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (predicate(lines[i]))
            {
                return i;
            }
        }
        return -1;
    }

    // Canonical text already maps [] ［］【】 to 〔〕 and () to （）. A gazette prints the 文号 in brackets: （皖政办秘〔2021〕82号）.
    [GeneratedRegex("^（?(?<org>[\\u4E00-\\u9FFF]{1,20})[〔（](?<year>[0-9]{4})[〕）]第?(?<seq>[0-9]{1,5})号）?$", RegexOptions.None, 1000)]
    private static partial Regex DocumentNumber();

    [GeneratedRegex("(印发|转发|发布)《(?<title>.+)》", RegexOptions.None, 1000)]
    private static partial Regex Published();

    [GeneratedRegex("关于(印发|转发|发布)(?<title>[^《》]+)的通知$", RegexOptions.None, 1000)]
    private static partial Regex PublishedUnquoted();

    [GeneratedRegex("以下[^。]*?(各市|市、县|县（市、区）|县〔市、区〕|各地)[^。]*?(落实|实施|执行)", RegexOptions.None, 1000)]
    private static partial Regex LocalForAll();
}
