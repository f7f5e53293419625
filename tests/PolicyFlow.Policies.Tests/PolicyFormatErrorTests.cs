using System.Text;
using PolicyFlow.Policies;
using PolicyFlow.Testing;

namespace PolicyFlow.Policies.Tests;

public class PolicyFormatErrorTests
{
    private static PolicyFormatException ParseFails(string text) =>
        Assert.Throws<PolicyFormatException>(() => PolicyDocumentParser.Parse(text, TestCatalog.Instance));

    private static PolicyFormatException ParseFails(byte[] bytes) =>
        Assert.Throws<PolicyFormatException>(() => PolicyDocumentParser.Parse(bytes, TestCatalog.Instance));

    private static string SeedUpTo(string marker, bool includeMarker)
    {
        var seed = SeedFiles.Read("000_9d0174e1f3b2ba58.txt");
        var at = seed.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at > 0, $"the seed no longer contains {marker}");
        return seed[..(includeMarker ? at + marker.Length : at)];
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\t\r\n\u3000 ")]
    public void Parse_EmptyOrWhitespace_ThrowsEmpty(string text)
    {
        var ex = ParseFails(text);

        Assert.Equal(PolicyFormatError.Empty, ex.Error);
        Assert.Contains("文档为空", ex.Message, StringComparison.Ordinal);
        Assert.Contains("empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyBytes_ThrowsEmpty()
    {
        Assert.Equal(PolicyFormatError.Empty, ParseFails([]).Error);
    }

    [Fact]
    public void Parse_OneByteOverTenMegabytes_ThrowsTooLarge()
    {
        var bytes = new byte[PolicyDocumentParser.MaxBytes + 1];
        Array.Fill(bytes, (byte)'a');

        var ex = ParseFails(bytes);

        Assert.Equal(PolicyFormatError.TooLarge, ex.Error);
        Assert.Contains("10485761", ex.Message, StringComparison.Ordinal);
        Assert.Contains("超过 10 MB", ex.Message, StringComparison.Ordinal);
        Assert.Contains("over the 10 MB limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TextOfOneByteOverTenMegabytes_ThrowsTooLarge()
    {
        Assert.Equal(PolicyFormatError.TooLarge, ParseFails(new string('a', PolicyDocumentParser.MaxBytes + 1)).Error);
    }

    [Fact]
    public void Parse_ExactlyTenMegabytes_IsNotRefusedForItsSize()
    {
        // Spaces only: the size passes and the next check (empty) fires instead.
        Assert.Equal(PolicyFormatError.Empty, ParseFails(new string(' ', PolicyDocumentParser.MaxBytes)).Error);
    }

    [Fact]
    public async Task ParseAsync_StreamOverTenMegabytes_ThrowsTooLarge()
    {
        using var stream = new MemoryStream(new byte[PolicyDocumentParser.MaxBytes + 1]);

        var ex = await Assert.ThrowsAsync<PolicyFormatException>(() => PolicyDocumentParser.ParseAsync(stream, TestCatalog.Instance));

        Assert.Equal(PolicyFormatError.TooLarge, ex.Error);
    }

    [Fact]
    public void Parse_BytesWithNul_ThrowsBinary()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];

        var ex = ParseFails(png);

        Assert.Equal(PolicyFormatError.Binary, ex.Error);
        Assert.Contains("不是文本文件", ex.Message, StringComparison.Ordinal);
        Assert.Contains("byte 8 is NUL", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TextWithControlCharacters_ThrowsBinary()
    {
        var ex = ParseFails("1. 第一项。正文。（省经信厅）\u0001\u0002");

        Assert.Equal(PolicyFormatError.Binary, ex.Error);
        Assert.Contains("U+0001", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GbkBytes_ThrowsInvalidUtf8SayingSo()
    {
        byte[] gbk = [.. "1. "u8, 0xD5, 0xE3, 0xBD, 0xAD];  // 浙江 in GBK

        var ex = ParseFails(gbk);

        Assert.Equal(PolicyFormatError.InvalidUtf8, ex.Error);
        Assert.Contains("UTF-8", ex.Message, StringComparison.Ordinal);
        Assert.Contains("GBK", ex.Message, StringComparison.Ordinal);
        Assert.Contains("byte 3", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("这是一段没有编号的文字。\n请各单位认真贯彻落实。")]
    [InlineData("关于测试的通知\n\n（二）从第二项开始的编号不成序列。（省经信厅）")]
    public void Parse_NoNumberedMeasures_ThrowsNoMeasures(string text)
    {
        var ex = ParseFails(text);

        Assert.Equal(PolicyFormatError.NoMeasures, ex.Error);
        Assert.Contains("未找到任何措施", ex.Message, StringComparison.Ordinal);
        Assert.Contains("No measures found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeedCutInsideAnAgencyList_ThrowsTruncated()
    {
        var ex = ParseFails(SeedUpTo("加强对平台所在企业的支持。（省经信厅、省委人才办", includeMarker: true));

        Assert.Equal(PolicyFormatError.Truncated, ex.Error);
        Assert.Contains("没有闭合", ex.Message, StringComparison.Ordinal);
        Assert.Contains("never closes", ex.Message, StringComparison.Ordinal);
        Assert.Contains("（五）", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeedCutMidSentence_ThrowsTruncated()
    {
        var ex = ParseFails(SeedUpTo("深化建设一批浙江省级卓越工程师实践基地", includeMarker: true));

        Assert.Equal(PolicyFormatError.Truncated, ex.Error);
        Assert.Contains("（五）", ex.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeedCutAtTheEndOfASentenceBeforeTheAgencyList_ThrowsTruncated()
    {
        var ex = ParseFails(SeedUpTo("加强对平台所在企业的支持。", includeMarker: true));

        Assert.Equal(PolicyFormatError.Truncated, ex.Error);
        Assert.Contains("没有以责任单位括号结尾", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeedCutRightAfterAHeading_ThrowsTruncated()
    {
        var ex = ParseFails(SeedUpTo("（五）加强省级平台建设和协同联动", includeMarker: true));

        Assert.Equal(PolicyFormatError.Truncated, ex.Error);
        Assert.Contains("没有正文", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MiddleMeasureWhoseAgencyListNeverCloses_ThrowsTruncatedNamingTheLine()
    {
        var ex = ParseFails("1. 第一项。正文一。（省经信厅、省财政厅\n2. 第二项。正文二。（省经信厅）");

        Assert.Equal(PolicyFormatError.Truncated, ex.Error);
        Assert.Contains("第 1 行", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DocumentWithoutAgencyListsStoppingMidSentence_ThrowsTruncated()
    {
        var ex = ParseFails("1. 第一项。正文一。\n2. 第二项。正文二，还没有写");

        Assert.Equal(PolicyFormatError.Truncated, ex.Error);
        Assert.Contains("stops mid-sentence", ex.Message, StringComparison.Ordinal);
    }
}
