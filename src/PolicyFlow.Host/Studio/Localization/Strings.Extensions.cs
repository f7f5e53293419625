namespace PolicyFlow.Host.Studio.Localization;

internal static partial class Strings
{
    private static readonly Dictionary<string, (string Zh, string En)> Extensions = new()
    {
        ["Extension.Title"] = ("延期申请", "Extension"),
        ["Extension.Ask"] = ("申请延期", "Ask for an extension"),
        ["Extension.Current"] = ("当前办理期限：{0}", "Current due day: {0}"),
        ["Extension.NewDay"] = ("新的办理期限", "New due day"),
        ["Extension.Reason"] = ("延期理由", "Reason"),
        ["Extension.Send"] = ("提交申请", "Send request"),
        ["Extension.Sent"] = ("已申请延期至 {0}，等待审批", "Asked to extend to {0}; awaiting the decision"),
        ["Extension.Asked"] = ("{0} 于 {1} 申请延期至 {2}", "{0} asked on {1} to extend to {2}"),
        ["Extension.Because"] = ("理由：{0}", "Reason: {0}"),
        ["Extension.Comment"] = ("审批意见", "Decision comment"),
        ["Extension.Approve"] = ("批准延期", "Approve"),
        ["Extension.Reject"] = ("不予批准", "Reject"),
        ["Extension.Approved"] = ("已批准延期，办理期限已调整", "Extension approved; the due day has moved"),
        ["Extension.Rejected"] = ("已驳回延期申请", "Extension request rejected"),
    };
}
