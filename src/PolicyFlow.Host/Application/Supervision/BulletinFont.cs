using System.Buffers.Binary;
using PdfSharp.Fonts;

namespace PolicyFlow.Host.Application.Supervision;

/// <summary>
/// The Chinese font the 通报 PDF embeds: a TrueType 宋体 (Debian's fonts-arphic-uming, AR PL UMing CN) or another TrueType
/// CJK font from the list below. PDFsharp subsets TrueType outlines only; Noto CJK's OpenType/CFF outlines would be
/// embedded whole (13 MB) as if they were TrueType, so such a font is refused. A face inside a .ttc collection is copied
/// out into a font of its own, since PDFsharp reads single fonts.
/// </summary>
internal sealed class BulletinFont : IFontResolver
{
    public const string Family = "PolicyFlowSong";

    private static readonly (string Path, int Face)[] Candidates =
    [
        ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
        ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
        ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
        (@"C:\Windows\Fonts\simsun.ttc", 0),
    ];

    private static readonly Lock Gate = new();
    private static BulletinFont? _installed;

    private readonly byte[] _face;

    private BulletinFont(byte[] face) => _face = face;

    /// <summary>
    /// Makes PDFsharp use the font (once per process: PDFsharp's resolver is global), or says which package to install; a
    /// missing font is looked for again next time, so installing it needs no restart.
    /// </summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            _installed ??= Install();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(Family, bold, false);

    public byte[]? GetFont(string faceName) => _face;

    private static BulletinFont Install()
    {
        var resolver = new BulletinFont(FindFace(Candidates));
        GlobalFontSettings.FontResolver = resolver;
        return resolver;
    }

    /// <summary>The first candidate that exists and has TrueType outlines, as a single font; else what to install.</summary>
    internal static byte[] FindFace(IReadOnlyList<(string Path, int Face)> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        foreach (var (path, face) in candidates)
        {
            if (File.Exists(path) && SingleFace(File.ReadAllBytes(path), face) is { } font && HasTable(font, "glyf"))
            {
                return font;
            }
        }
        throw new BulletinFontMissingException(
            "生成通报 PDF 需要一种 TrueType 中文字体，服务器上没有找到（Debian/Ubuntu：apt-get install fonts-arphic-uming）。 "
            + $"The bulletin PDF needs a TrueType Chinese font and none was found ({string.Join(", ", candidates.Select(c => c.Path))}); "
            + "on Debian or Ubuntu install fonts-arphic-uming.");
    }

    /// <summary>The font itself, or face <paramref name="index"/> of a TrueType collection rewritten as a single font.</summary>
    internal static byte[]? SingleFace(byte[] file, int index)
    {
        if (file.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(file) != 0x74746366) // "ttcf"
        {
            return file;
        }
        if (index >= BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(8)))
        {
            return null;
        }
        var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(12 + (4 * index)));
        var count = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(offset + 4));
        var tables = Enumerable.Range(0, count).Select(i => offset + 12 + (16 * i))
            .Select(r => (Record: r, Start: (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(r + 8)), Length: (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(r + 12))))
            .ToList();
        var headerLength = 12 + (16 * count);
        var output = new byte[headerLength + tables.Sum(t => (t.Length + 3) & ~3)];
        file.AsSpan(offset, 12).CopyTo(output);
        var at = headerLength;
        for (var i = 0; i < tables.Count; i++)
        {
            var (record, start, length) = tables[i];
            var to = output.AsSpan(12 + (16 * i), 16);
            file.AsSpan(record, 16).CopyTo(to);
            BinaryPrimitives.WriteUInt32BigEndian(to[8..], (uint)at);
            file.AsSpan(start, length).CopyTo(output.AsSpan(at));
            at += (length + 3) & ~3;
        }
        return output;
    }

    internal static bool HasTable(byte[] font, string tag)
    {
        var wanted = BinaryPrimitives.ReadUInt32BigEndian(System.Text.Encoding.ASCII.GetBytes(tag));
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        return Enumerable.Range(0, count).Any(i => BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(12 + (16 * i))) == wanted);
    }
}

/// <summary>No Chinese TrueType font on the server: the bulletin PDF cannot be made (503 with what to install).</summary>
internal sealed class BulletinFontMissingException(string message) : Exception(message);
