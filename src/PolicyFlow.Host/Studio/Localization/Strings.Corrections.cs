namespace PolicyFlow.Host.Studio.Localization;

internal static partial class Strings
{
    private static readonly Dictionary<string, (string Zh, string En)> Corrections = new()
    {
        ["Correction.Help"] = ("发布前可逐项核对：点击“修改”更正标题、牵头单位和配合单位，或标为非措施、拆分、与下一项合并；非措施条目可改为措施。所有更正随政策一并保存。",
            "Check each measure before publishing: Edit corrects its title, lead and co-agencies, marks it as not a measure, splits it or merges it with the next; a non-measure item can be taken as a measure. Every correction is kept with the policy."),
        ["Correction.Actions"] = ("更正", "Correct"),
        ["Correction.Edit"] = ("修改", "Edit"),
        ["Correction.Editing"] = ("更正措施 {0} {1}", "Correct measure {0} {1}"),
        ["Correction.AgencyHelp"] = ("单位名称或简称，如 省经信厅", "Agency name or short name, e.g. 省经信厅"),
        ["Correction.CoHelp"] = ("多个单位以顿号“、”分隔；可为空", "Separate agencies with 、 or commas; may be empty"),
        ["Correction.Save"] = ("保存更正", "Save correction"),
        ["Correction.Reason"] = ("不作为措施的理由", "Why it is not a measure"),
        ["Correction.NotMeasure"] = ("标为非措施", "Not a measure"),
        ["Correction.SplitAt"] = ("从此段起拆为新措施", "New measure starts at paragraph"),
        ["Correction.Paragraph"] = ("第 {0} 段：{1}", "Paragraph {0}: {1}"),
        ["Correction.Split"] = ("拆分", "Split"),
        ["Correction.OneParagraph"] = ("只有一段正文，不能拆分。", "One paragraph only: nothing to split."),
        ["Correction.MergeNext"] = ("与下一项合并", "Merge with the next"),
        ["Correction.NonMeasures"] = ("非措施条目", "Items that are not measures"),
        ["Correction.Line"] = ("行", "Line"),
        ["Correction.WhyNot"] = ("原因", "Reason"),
        ["Correction.MakeMeasure"] = ("作为措施", "Take as a measure"),
        ["Correction.Title"] = ("更正记录", "Corrections"),
        ["Correction.None"] = ("尚未更正，将按导入结果发布。", "No corrections: the measures are published as read."),
        ["Correction.Undo"] = ("撤销最后一条更正", "Undo the last correction"),
        ["Correction.By"] = ("更正人", "By"),
        ["Correction.At"] = ("时间", "When"),
        ["Correction.Change"] = ("更正内容", "Change"),
        ["Correction.Kind.Title"] = ("标题", "Title"),
        ["Correction.Kind.Lead"] = ("牵头单位", "Lead"),
        ["Correction.Kind.CoAgencies"] = ("配合单位", "Co-agencies"),
        ["Correction.Kind.NotMeasure"] = ("标为非措施", "Not a measure"),
        ["Correction.Kind.Measure"] = ("改为措施", "Taken as a measure"),
        ["Correction.Kind.Split"] = ("拆分", "Split"),
        ["Correction.Kind.Merge"] = ("合并", "Merged"),
        ["Policy.CannotCorrect"] = ("更正无法应用，预览未改变：", "The correction cannot be applied; the preview is unchanged:"),
        ["Policy.TrackingStart"] = ("交办日期", "Tracking start (交办日期)"),
        ["Policy.TrackingStartHelp"] = ("政策已施行：各项时限自交办日期起算，默认为启动当日。", "The policy is already in force: deadlines count from this day (default: the launch day)."),
        ["Policy.TrackingStartNone"] = ("自施行日期起算", "From the effective date"),
    };
}
