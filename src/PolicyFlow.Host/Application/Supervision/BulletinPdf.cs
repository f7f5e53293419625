using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Application.Supervision;

/// <summary>
/// The 通报 as a PDF in the layout of a government office's bulletin: the red header (title, 第N期, issuer and date over a
/// red rule), the heading, the period and cut-off, then 一、总体情况, 二、红灯黄灯情况 by agency and region, 三、按期办结排名,
/// 四、统计口径 — with a Chinese TrueType font embedded (subset), so the text can be searched and copied.
/// </summary>
internal sealed class BulletinPdf(BulletinReport report)
{
    internal sealed record Export(string FileName, byte[] Content);

    public const string ContentType = "application/pdf";

    private static readonly XColor Red = XColor.FromArgb(200, 16, 46);

    public async Task<Export> HandleAsync(Caller caller, BulletinReport.Request request, CancellationToken cancellationToken = default)
    {
        var bulletin = await report.HandleAsync(caller, request, cancellationToken);
        BulletinFont.EnsureInstalled();
        return new Export($"督查通报-{bulletin.Year}年第{bulletin.Number}期-{bulletin.Issuer}.pdf", Render(bulletin));
    }

    internal static byte[] Render(Bulletin bulletin)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        using var document = new PdfDocument();
        document.Info.Title = $"督查通报 {BulletinText.Number(bulletin, false)} {bulletin.PolicyTitle}";
        document.Info.Subject = BulletinText.Heading(bulletin, false);
        document.Info.Creator = "PolicyFlow 政策协同";
        using (var pdf = new PdfCursor(document))
        {
            Header(pdf, bulletin);
            var body = PdfCursor.Font(12);
            var heading = PdfCursor.Font(14, bold: true);
            var sub = PdfCursor.Font(12.5, bold: true);
            var cell = PdfCursor.Font(10);
            var head = PdfCursor.Font(10, bold: true);

            pdf.Paragraph("一、总体情况", heading, keep: 40);
            pdf.Paragraph(BulletinText.Summary(bulletin, false), body, indent: 24);

            pdf.Paragraph("二、红灯（逾期）和黄灯（即将到期）情况", heading, keep: 90);
            var regionWord = bulletin.City is null ? "设区市" : "本级和所辖县（市、区）";
            var lists = bulletin.City is null
                ? new[] { ("（一）省级部门", "单位", bulletin.Agencies), ($"（二）{regionWord}", "地区", bulletin.Regions) }
                : [($"（一）{regionWord}", "地区", bulletin.Regions)];
            foreach (var (title, who, lines) in lists)
            {
                pdf.Paragraph(title, sub, indent: 24, keep: 70);
                if (lines.Count == 0)
                {
                    pdf.Paragraph("无逾期或即将到期的任务。", body, indent: 24);
                    continue;
                }
                pdf.Table(["序号", who, "逾期\n（红灯）", "即将到期\n（黄灯）", "有逾期的\n措施数", "已办结/\n任务数"], [0.6, 3.2, 1.2, 1.3, 1.2, 1.2],
                    lines.Select((l, i) => BulletinText.Cells(l, i + 1)), cell, head);
            }

            pdf.Paragraph("三、按期办结排名", heading, keep: 110);
            pdf.Paragraph($"统计期 {BulletinText.DayZh(bulletin.From)}至{BulletinText.DayZh(bulletin.To)}，按期办结率从高到低排列。", body, indent: 24);
            var ordinal = 0;
            foreach (var ranking in bulletin.Rankings)
            {
                pdf.Paragraph($"（{"一二三"[ordinal++]}）{RankingTitle(ranking.Of)}", sub, indent: 24, keep: 70);
                if (ranking.Rows.Count == 0)
                {
                    pdf.Paragraph("统计期内没有应办结的任务。", body, indent: 24);
                    continue;
                }
                pdf.Table(["名次", ranking.Of == "agency" ? "单位" : "地区", "应办结", "按期\n办结", "按期\n办结率", "当前\n逾期", "平均逾期\n工作日", "退办", "延期", "催办"],
                    [0.7, 3, 0.9, 1, 1.1, 1, 1.2, 0.7, 0.7, 0.7], ranking.Rows.Select(BulletinText.Cells), cell, head);
            }

            pdf.Paragraph("四、统计口径", heading, keep: 40);
            var number = 1;
            foreach (var rule in bulletin.Rules)
            {
                pdf.Paragraph($"{number++}. {rule.ZhCn}", PdfCursor.Font(10.5), indent: 24, after: 2);
            }
        }
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void Header(PdfCursor pdf, Bulletin bulletin)
    {
        var g = pdf.Graphics;
        var width = PdfCursor.Right - PdfCursor.Left;
        var red = new XSolidBrush(Red);
        g.DrawString("督 查 通 报", PdfCursor.Font(40, bold: true), red, new XRect(PdfCursor.Left, pdf.Y, width, 60), XStringFormats.Center);
        pdf.Y += 72;
        g.DrawString(BulletinText.Number(bulletin, false), PdfCursor.Font(15), XBrushes.Black, new XRect(PdfCursor.Left, pdf.Y, width, 22), XStringFormats.Center);
        pdf.Y += 34;
        var line = PdfCursor.Font(13);
        g.DrawString($"{bulletin.Issuer}督查督办", line, XBrushes.Black, new XRect(PdfCursor.Left + 8, pdf.Y, width, 20), XStringFormats.CenterLeft);
        g.DrawString(BulletinText.DayZh(bulletin.IssuedOn), line, XBrushes.Black, new XRect(PdfCursor.Left, pdf.Y, width - 8, 20), XStringFormats.CenterRight);
        pdf.Y += 26;
        g.DrawLine(new XPen(Red, 2.5), PdfCursor.Left, pdf.Y, PdfCursor.Right, pdf.Y);
        g.DrawLine(new XPen(Red, 0.8), PdfCursor.Left, pdf.Y + 4, PdfCursor.Right, pdf.Y + 4);
        pdf.Y += 24;
        pdf.Paragraph(BulletinText.Heading(bulletin, false), PdfCursor.Font(18, bold: true), align: XStringFormats.Center, after: 2);
        pdf.Paragraph(BulletinText.Period(bulletin, false), PdfCursor.Font(10.5), align: XStringFormats.Center, after: 14);
    }

    internal static string RankingTitle(string of) => of switch
    {
        "agency" => "省级部门",
        "city" => "设区市",
        _ => "县（市、区）",
    };
}
