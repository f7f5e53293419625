namespace PolicyFlow.Host.Studio.Localization;

/// <summary>Activity types, palette categories and the outcomes on their ports, as the designer and viewer show them.</summary>
internal static partial class Strings
{
    private static readonly Dictionary<string, (string Zh, string En)> ActivityTexts = new()
    {
        ["Category.Flow"] = ("流程控制", "Flow"),
        ["Category.Tasks"] = ("办理环节", "Work steps"),
        ["Category.Time"] = ("时间", "Time"),
        ["Category.Notices"] = ("通知", "Notices"),
        ["Activity.Start"] = ("开始", "Start"),
        ["Activity.End"] = ("结束", "End"),
        ["Activity.Fork"] = ("并行分支", "Fork"),
        ["Activity.Join"] = ("汇聚", "Join"),
        ["Activity.Decision"] = ("条件判断", "Decision"),
        ["Activity.SetVariable"] = ("赋值", "Set variable"),
        ["Activity.WaitUntil"] = ("等待至", "Wait until"),
        ["Activity.Delay"] = ("延时", "Delay"),
        ["Activity.HumanTask"] = ("人工任务", "Human task"),
        ["Activity.RunChildren"] = ("子流程", "Child instances"),
        ["Activity.AssignTask"] = ("交办任务", "Assign task"),
        ["Activity.Cascade"] = ("逐级下发", "Cascade to regions"),
        ["Activity.ForEachAgency"] = ("分送各单位", "For each agency"),
        ["Activity.PeriodicReport"] = ("定期报告", "Periodic report"),
        ["Activity.Notify"] = ("发送通知", "Notify"),
        ["Port.Done"] = ("完成", "Done"),
        ["Port.True"] = ("是", "Yes"),
        ["Port.False"] = ("否", "No"),
        ["Port.Accept"] = ("通过", "Accept"),
        ["Port.Return"] = ("退回", "Return"),
        ["Port.Implement"] = ("落实", "Implement"),
        ["Port.Report"] = ("月报", "Report"),
        ["Port.Co"] = ("配合单位", "Co-agencies"),
        ["Port.Local"] = ("地方落实", "Local"),
        ["Port.City"] = ("本级", "City"),
        ["Port.Counties"] = ("区县", "Counties"),
        ["Port.+"] = ("+ 分支", "+ branch"),
    };
}
