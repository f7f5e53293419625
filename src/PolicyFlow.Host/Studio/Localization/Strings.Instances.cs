namespace PolicyFlow.Host.Studio.Localization;

internal static partial class Strings
{
    private static readonly Dictionary<string, (string Zh, string En)> Instances = new()
    {
        ["Inst.Id"] = ("实例", "Instance"),
        ["Inst.Definition"] = ("流程定义", "Definition"),
        ["Inst.Version"] = ("版本", "Version"),
        ["Inst.Status"] = ("状态", "Status"),
        ["Inst.Correlation"] = ("关联", "Correlation"),
        ["Inst.Created"] = ("启动时间", "Started"),
        ["Inst.Updated"] = ("更新时间", "Updated"),
        ["Inst.Finished"] = ("结束时间", "Finished"),
        ["Inst.Empty"] = ("没有流程实例。", "No instances."),
        ["Inst.NotFound"] = ("流程实例不存在，或您无权查看。", "This instance does not exist, or you may not see it."),
        ["Inst.Graph"] = ("流程图", "Flowchart"),
        ["Inst.Incident"] = ("故障", "Incident"),
        ["Inst.IncidentAt"] = ("环节 {0} 于 {1} 出错：{2}", "Activity {0} failed at {1}: {2}"),
        ["Inst.Retry"] = ("重试", "Retry"),
        ["Inst.Retried"] = ("已重试", "Retried"),
        ["Inst.Cancel"] = ("取消流程", "Cancel instance"),
        ["Inst.Cancelled"] = ("流程已取消", "Instance cancelled"),
        ["Inst.Tasks"] = ("任务", "Tasks"),
        ["Inst.Timers"] = ("定时器", "Timers"),
        ["Inst.Variables"] = ("变量", "Variables"),
        ["Inst.PartialView"] = ("此处只显示本单位及下级对口单位的任务、记录和提醒；完整流程仅牵头单位、政策办、领导和管理员可见。",
            "Only your agency's line (and its counterparts below) is shown: its tasks, journal and timers. The whole instance is for the lead agency, the policy office, leadership and administrators."),
        ["Timer.Kind"] = ("类型", "Kind"),
        ["Timer.Due"] = ("到期时间", "Due"),
        ["Timer.Status"] = ("状态", "Status"),
        ["Timer.Fired"] = ("触发时间", "Fired"),
        ["Legend.Completed"] = ("已完成", "Completed"),
        ["Legend.Waiting"] = ("等待中", "Waiting"),
        ["Legend.Faulted"] = ("出错", "Faulted"),
    };
}
