using PolicyFlow.Host.Application.Supervision;

namespace PolicyFlow.Host.Tests.Supervision;

/// <summary>The 通报 PDF's font: a TrueType face copied out of Debian's collection, Noto CJK's CFF outlines refused, and a clear error without one.</summary>
public sealed class BulletinFontTests
{
    private const string Uming = "/usr/share/fonts/truetype/arphic/uming.ttc";
    private const string NotoCff = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

    [Fact]
    public void FindFace_CopiesTheTrueTypeFaceOutOfItsCollection()
    {
        Assert.True(File.Exists(Uming), $"{Uming} is missing: install fonts-arphic-uming (scripts/test.sh does)");
        var face = BulletinFont.FindFace([(NotoCff, 2), (Uming, 0)]);
        Assert.Equal(0x00010000u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(face)); // a single TrueType font, not "ttcf"
        Assert.True(BulletinFont.HasTable(face, "glyf"));
        Assert.True(face.Length < new FileInfo(Uming).Length);
    }

    [Fact]
    public void FindFace_WithOnlyCffOrMissingFonts_SaysWhatToInstall()
    {
        Assert.True(File.Exists(NotoCff), $"{NotoCff} is missing: install fonts-noto-cjk (scripts/test.sh does)");
        var error = Assert.Throws<BulletinFontMissingException>(() => BulletinFont.FindFace([(NotoCff, 2), ("/nonexistent/simsun.ttc", 0)]));
        Assert.Contains("apt-get install fonts-arphic-uming", error.Message, StringComparison.Ordinal);
        Assert.Contains("TrueType 中文字体", error.Message, StringComparison.Ordinal);
    }
}
