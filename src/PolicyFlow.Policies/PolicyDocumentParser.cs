using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using PolicyFlow.Directories;

namespace PolicyFlow.Policies;

/// <summary>Turns the text of a policy document into a <see cref="PolicyPreview"/> for the policy office to check.</summary>
/// <remarks>Input that cannot be a policy document throws <see cref="PolicyFormatException"/>; everything the parser
/// reads but cannot settle becomes a warning on the preview, so nothing is dropped or guessed silently.</remarks>
public static class PolicyDocumentParser
{
    /// <summary>The largest document accepted, in UTF-8 bytes (10 MB).</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    private const int ReadChunk = 81920;

    /// <summary>Parses document text.</summary>
    public static PolicyPreview Parse(string text, AgencyCatalog catalog) => Parse(text, catalog, PolicyParseOptions.Default);

    /// <summary>Parses document text with the policy office's choices (e.g. to import a document that looks cut off).</summary>
    public static PolicyPreview Parse(string text, AgencyCatalog catalog, PolicyParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        var size = Encoding.UTF8.GetByteCount(text);
        if (size > MaxBytes)
        {
            throw TooLarge(size.ToString(CultureInfo.InvariantCulture));
        }
        return ParseText(text, catalog, options);
    }

    /// <summary>Parses a UTF-8 file (a byte-order mark is allowed).</summary>
    public static PolicyPreview Parse(ReadOnlySpan<byte> utf8, AgencyCatalog catalog) => Parse(utf8, catalog, PolicyParseOptions.Default);

    /// <summary>Parses a UTF-8 file with the policy office's choices.</summary>
    public static PolicyPreview Parse(ReadOnlySpan<byte> utf8, AgencyCatalog catalog, PolicyParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        if (utf8.Length > MaxBytes)
        {
            throw TooLarge(utf8.Length.ToString(CultureInfo.InvariantCulture));
        }
        if (utf8.IndexOf((byte)0) is >= 0 and var nul)
        {
            throw Binary($"第 {Offset(nul)} 字节是 NUL", $"byte {Offset(nul)} is NUL");
        }
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }
        var chars = new char[utf8.Length];
        var status = Utf8.ToUtf16(utf8, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            throw new PolicyFormatException(PolicyFormatError.InvalidUtf8,
                $"文档在第 {Offset(read)} 字节处不是有效的 UTF-8 编码（可能是 GBK/GB18030），请另存为 UTF-8 后重新导入。"
                + $"(The document is not valid UTF-8 at byte {Offset(read)} — perhaps GBK/GB18030; save it as UTF-8 and import again.)");
        }
        return ParseText(new string(chars, 0, written), catalog, options);
    }

    /// <summary>Reads a UTF-8 upload, refusing it as soon as it passes <see cref="MaxBytes"/>.</summary>
    public static Task<PolicyPreview> ParseAsync(Stream utf8, AgencyCatalog catalog, CancellationToken cancellationToken = default) =>
        ParseAsync(utf8, catalog, PolicyParseOptions.Default, cancellationToken);

    /// <summary>Reads a UTF-8 upload with the policy office's choices, refusing it as soon as it passes <see cref="MaxBytes"/>.</summary>
    public static async Task<PolicyPreview> ParseAsync(
        Stream utf8, AgencyCatalog catalog, PolicyParseOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        ArgumentNullException.ThrowIfNull(catalog);
        using var buffer = new MemoryStream();
        var chunk = new byte[ReadChunk];
        int count;
        while ((count = await utf8.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + count > MaxBytes)
            {
                throw TooLarge("> " + MaxBytes.ToString(CultureInfo.InvariantCulture));
            }
            buffer.Write(chunk, 0, count);
        }
        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), catalog, options);
    }

    // Every pattern of the importer has a timeout: a text that makes one run out is refused, not read for minutes.
    private static PolicyPreview ParseText(string text, AgencyCatalog catalog, PolicyParseOptions options)
    {
        try
        {
            using var timeout = PatternTimeout.For(options.MatchTimeout);
            return Read(text, catalog, options);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException timeout)
        {
            throw new PolicyFormatException(PolicyFormatError.TooComplex,
                "文档结构过于复杂，无法在限定时间内读取；请检查是否上传了正确的政策文件。"
                + "(The document is too complex to read in the time allowed; check that it is the right policy document.)", timeout);
        }
    }

    private static PolicyPreview Read(string text, AgencyCatalog catalog, PolicyParseOptions options)
    {
        CheckCharacters(text);
        if (text.All(c => char.IsWhiteSpace(c) || c is '\uFEFF' or '\u200B'))
        {
            throw new PolicyFormatException(PolicyFormatError.Empty,
                "文档为空或只包含空白字符，无法导入。(The document is empty or contains only whitespace; there is nothing to import.)");
        }
        var lines = PolicyText.Lines(PolicyText.Canonicalize(text));
        var planWarnings = new List<string>();
        var layout = MeasurePlanner.Plan(lines, catalog, options, planWarnings) ?? HeadingScanner.Scan(lines) ?? throw new PolicyFormatException(PolicyFormatError.NoMeasures,
            "未找到任何措施：正文中没有按（一）（二）…、1. 2. … 或 一、二、… 顺序编号的条目。"
            + "(No measures found: the text has no items numbered （一）（二）…, 1. 2. … or 一、二、… in sequence.)");
        var front = lines.Take(layout.BodyStart).ToList();
        var measureWarnings = new List<string>();
        var measures = MeasureReader.Read(
            lines, layout, catalog, FrontMatterReader.StatesLocalImplementation(front), measureWarnings);
        var warnings = new List<string>();
        if (text.Contains('\uFFFD', StringComparison.Ordinal))
        {
            warnings.Add("文本含有替换字符“\uFFFD”，部分文字在导入前已丢失，请对照原件核对。"
                + "(The text contains U+FFFD replacement characters: some characters were lost before import. Check against the original.)");
        }
        var frontMatter = FrontMatterReader.Read(front, PolicyText.Lines(measures.Tail), catalog, warnings);
        warnings.AddRange(planWarnings);
        warnings.AddRange(measureWarnings);
        var (rule, effectiveOn) = EffectiveRuleReader.Read(
            [measures.Tail, measures.LastBody, string.Join('\n', front)], frontMatter.PublishedOn, warnings);
        return new PolicyPreview(
            frontMatter.Title,
            frontMatter.NoticeTitle,
            frontMatter.DocumentNumber,
            frontMatter.Issuers,
            frontMatter.PublishedOn,
            rule,
            effectiveOn,
            [.. layout.Sections.Select(s => new SectionPreview(s.Number, s.NumberText, s.Title))],
            measures.Measures,
            warnings,
            [.. layout.NonMeasures, .. measures.NonMeasures],
            RelativeDateReader.Read(measures.Measures, string.Join('\n', front), measures.Tail),
            CounterpartSuggester.Suggest(
                measures.Measures.SelectMany(m => m.CoAgencies.Prepend(m.Lead)).OfType<AgencyRef>().Concat(frontMatter.Issuers), catalog));
    }

    // Text files hold tabs, line breaks and form feeds; any other control character means binary content.
    private static void CheckCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' && c is not ('\t' or '\n' or '\r' or '\v' or '\f'))
            {
                var code = ((int)c).ToString("X4", CultureInfo.InvariantCulture);
                throw Binary($"第 {Offset(i)} 个字符是控制字符 U+{code}", $"character {Offset(i)} is the control character U+{code}");
            }
        }
    }

    private static string Offset(int index) => index.ToString(CultureInfo.InvariantCulture);

    private static PolicyFormatException Binary(string where, string whereEnglish) => new(PolicyFormatError.Binary,
        $"文档不是文本文件（{where}），可能上传了 PDF、Word 或图片；请上传 UTF-8 文本。"
        + $"(The document is not a text file ({whereEnglish}); perhaps a PDF, Word file or image was uploaded. Upload UTF-8 text.)");

    private static PolicyFormatException TooLarge(string size) => new(PolicyFormatError.TooLarge,
        $"文档大小为 {size} 字节，超过 10 MB（{MaxBytes} 字节）上限。"
        + $"(The document is {size} bytes, over the 10 MB limit of {MaxBytes} bytes.)");
}
