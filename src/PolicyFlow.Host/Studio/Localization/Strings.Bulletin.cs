namespace PolicyFlow.Host.Studio.Localization;

internal static partial class Strings
{
    private static readonly Dictionary<string, (string Zh, string En)> Bulletin = new()
    {
        ["Bul.Open"] = ("督查通报", "Bulletin"),
        ["Bul.Title"] = ("督查通报", "Supervision bulletin"),
        ["Bul.Masthead"] = ("督 查 通 报", "SUPERVISION BULLETIN"),
        ["Bul.Issuer"] = ("{0}督查督办", "{0} supervision office"),
        ["Bul.Number"] = ("期号", "Number"),
        ["Bul.Print"] = ("打印", "Print"),
        ["Bul.Pdf"] = ("下载 PDF", "Download PDF"),
        ["Bul.Back"] = ("返回督查督办", "Back to supervision"),
        ["Bul.Hint"] = ("本页即通报正文，可直接打印；PDF 与本页内容相同。", "This page is the bulletin itself, ready to print; the PDF says the same."),
        ["Bul.Overall"] = ("一、总体情况", "1. Overall"),
        ["Bul.Lights"] = ("二、红灯（逾期）和黄灯（即将到期）情况", "2. Red (overdue) and yellow (due soon) tasks"),
        ["Bul.Ranking"] = ("三、按期办结排名", "3. On-time ranking"),
        ["Bul.RankingIntro"] = ("统计期 {0}至{1}，按期办结率从高到低排列。", "Period {0} – {1}, by on-time rate, highest first."),
        ["Bul.Rules"] = ("四、统计口径", "4. How the figures are counted"),
        ["Bul.Agencies"] = ("省级部门", "Provincial agencies"),
        ["Bul.Cities"] = ("设区市", "Cities"),
        ["Bul.CityAndCounties"] = ("本级和所辖县（市、区）", "The city and its counties"),
        ["Bul.Counties"] = ("县（市、区）", "Counties"),
        ["Bul.No"] = ("序号", "No."),
        ["Bul.Unit"] = ("单位", "Agency"),
        ["Bul.Area"] = ("地区", "Region"),
        ["Bul.Red"] = ("逾期（红灯）", "Overdue (red)"),
        ["Bul.Yellow"] = ("即将到期（黄灯）", "Due soon (yellow)"),
        ["Bul.MeasuresOverdue"] = ("有逾期的措施", "Measures with overdue tasks"),
        ["Bul.DoneTotal"] = ("已办结/任务", "Done / tasks"),
        ["Bul.NoLights"] = ("无逾期或即将到期的任务。", "No task is overdue or due soon."),
        ["Bul.NoRanking"] = ("统计期内没有应办结的任务。", "No task was due in the period."),
    };
}
