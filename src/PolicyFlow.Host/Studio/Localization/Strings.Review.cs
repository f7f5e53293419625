namespace PolicyFlow.Host.Studio.Localization;

internal static partial class Strings
{
    /// <summary>Review up the hierarchy: what a reviewer decides on, a city's counties, a return's reason.</summary>
    private static readonly Dictionary<string, (string Zh, string En)> Review = new()
    {
        ["Review.Title"] = ("待审核的报送", "Submissions to review"),
        ["Review.Submitted"] = ("报送于 {0}", "Submitted {0}"),
        ["Review.Remark"] = ("报送说明", "Remark"),
        ["Review.Progress"] = ("最新进展", "Latest progress"),
        ["Review.Open"] = ("查看报送任务与佐证材料", "Open the submitted task and its evidence"),
        ["Review.Hint"] = ("审核通过，或写明理由后退回重办（退办）。", "Accept it, or return it for rework (退办) with the reason."),
        ["Counties.Title"] = ("所辖县（市、区）报送情况", "Counties' reports"),
        ["Counties.Count"] = ("已报 {0}/{1}", "Reported {0}/{1}"),
        ["Counties.AsOf"] = ("截至市级上报时（{0}）", "As of the city's report ({0})"),
        ["Counties.State.Reported"] = ("已报", "Reported"),
        ["Counties.State.AwaitingReview"] = ("待审核", "Awaiting review"),
        ["Counties.State.NotReported"] = ("未报", "Not reported"),
        ["Counties.WillMark"] = ("现在上报，尚未报送的 {0} 个县（市、区）将标记为“未报”并列入报告。",
            "If you report now, the {0} counties that have not reported are marked “Not reported” in the report."),
        ["Counties.AllIn"] = ("所辖县（市、区）均已报送并审核通过。", "Every county has reported and been accepted."),
        ["Returned.Title"] = ("已被退回重办", "Returned for rework"),
        ["Returned.Reason"] = ("{0} 于 {1} 退回，理由：“{2}”", "{0} returned it on {1}: “{2}”"),
    };
}
