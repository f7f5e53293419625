using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PolicyFlow.Host.Application.Supervision;

/// <summary>
/// Writes a document top to bottom on A4 pages: wrapped paragraphs (Chinese breaks between any two characters), headings
/// and ruled tables whose header row is repeated on each new page, and the page number (— N —) at the foot of each page.
/// </summary>
internal sealed class PdfCursor : IDisposable
{
    public const double Left = 72, Right = 523, Top = 64, Bottom = 778;
    private const double CellPadding = 3;

    private readonly PdfDocument _document;
    private XGraphics _graphics = null!;
    private int _pages;

    public PdfCursor(PdfDocument document)
    {
        _document = document;
        NewPage();
    }

    public double Y { get; set; }

    public XGraphics Graphics => _graphics;

    public static XFont Font(double size, bool bold = false) => new(BulletinFont.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    public void NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        _graphics = XGraphics.FromPdfPage(page);
        _pages++;
        var foot = Font(11);
        _graphics.DrawString($"— {_pages} —", foot, XBrushes.Black, new XRect(Left, Bottom + 20, Right - Left, 16), XStringFormats.Center);
        Y = Top;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> more points fit on this one.</summary>
    public void Need(double height)
    {
        if (Y + height > Bottom)
        {
            NewPage();
        }
    }

    /// <summary>A paragraph wrapped to the width, first line indented by two characters as Chinese documents are.</summary>
    /// <param name="keep">Points that must fit below the paragraph on the same page (a heading kept with what it heads).</param>
    public void Paragraph(string text, XFont font, XBrush? brush = null, double indent = 0, XStringFormat? align = null, double after = 6, double keep = 0)
    {
        var lineHeight = font.Size * 1.6;
        var lines = Wrap(text, font, Right - Left, indent);
        Need((lines.Count * lineHeight) + keep);
        for (var i = 0; i < lines.Count; i++)
        {
            Need(lineHeight);
            var x = Left + (i == 0 ? indent : 0);
            _graphics.DrawString(lines[i], font, brush ?? XBrushes.Black, new XRect(x, Y, Right - x, lineHeight), align ?? XStringFormats.CenterLeft);
            Y += lineHeight;
        }
        Y += after;
    }

    /// <summary>A ruled table: <paramref name="widths"/> are shares of the text width; the header row repeats after a page break.</summary>
    public void Table(IReadOnlyList<string> header, IReadOnlyList<double> widths, IEnumerable<IReadOnlyList<string>> rows, XFont font, XFont headerFont)
    {
        var total = widths.Sum();
        var columns = widths.Select(w => w / total * (Right - Left)).ToArray();
        Need(headerFont.Size * 6);
        Row(header, columns, headerFont, shaded: true);
        foreach (var row in rows)
        {
            if (!Row(row, columns, font, shaded: false))
            {
                Row(header, columns, headerFont, shaded: true);
                Row(row, columns, font, shaded: false);
            }
        }
        Y += 8;
    }

    /// <summary>Draws one row, or starts a new page and returns false if it does not fit (the caller then repeats the header).</summary>
    private bool Row(IReadOnlyList<string> cells, double[] columns, XFont font, bool shaded)
    {
        var lineHeight = font.Size * 1.45;
        var wrapped = cells.Select((c, i) => Wrap(c, font, columns[i] - (2 * CellPadding), 0)).ToList();
        var height = (wrapped.Max(w => w.Count) * lineHeight) + (2 * CellPadding);
        if (Y + height > Bottom)
        {
            NewPage();
            if (!shaded)
            {
                return false;
            }
        }
        var x = Left;
        var pen = new XPen(XColors.Black, 0.6);
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = new XRect(x, Y, columns[i], height);
            if (shaded)
            {
                _graphics.DrawRectangle(new XSolidBrush(XColor.FromArgb(238, 238, 238)), cell);
            }
            _graphics.DrawRectangle(pen, cell);
            var top = Y + CellPadding + ((height - (2 * CellPadding) - (wrapped[i].Count * lineHeight)) / 2);
            foreach (var line in wrapped[i])
            {
                _graphics.DrawString(line, font, XBrushes.Black, new XRect(x + CellPadding, top, columns[i] - (2 * CellPadding), lineHeight), XStringFormats.Center);
                top += lineHeight;
            }
            x += columns[i];
        }
        Y += height;
        return true;
    }

    /// <summary>
    /// Breaks at a newline and between characters (Chinese has no spaces), keeping runs of Latin letters and digits together
    /// and never starting a line with closing punctuation (避头点).
    /// </summary>
    private List<string> Wrap(string text, XFont font, double width, double indent)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        var available = width - indent;
        foreach (var token in Tokens(text))
        {
            if (token == "\n")
            {
                lines.Add(line.ToString());
                line.Clear();
                available = width;
                continue;
            }
            if (line.Length > 0 && !NoLineStart.Contains(token[0]) && _graphics.MeasureString(line + token, font).Width > available)
            {
                lines.Add(line.ToString());
                line.Clear();
                available = width;
            }
            line.Append(line.Length == 0 ? token.TrimStart() : token);
        }
        lines.Add(line.ToString());
        return lines;
    }

    private const string NoLineStart = "，。、；：？！）》〕」』”’%";

    private static IEnumerable<string> Tokens(string text)
    {
        var run = new System.Text.StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsAsciiLetterOrDigit(ch) || ch is '.' or '%' or '-' or ':' or '/')
            {
                run.Append(ch);
                continue;
            }
            if (run.Length > 0)
            {
                yield return run.ToString();
                run.Clear();
            }
            yield return ch.ToString();
        }
        if (run.Length > 0)
        {
            yield return run.ToString();
        }
    }

    public void Dispose() => _graphics.Dispose();
}
