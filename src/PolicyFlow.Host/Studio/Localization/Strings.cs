namespace PolicyFlow.Host.Studio.Localization;

/// <summary>
/// Every text the Studio shows, Chinese first. A C# table rather than .resx: one file per area to read and review,
/// and a missing translation is a compile-visible gap instead of a silent fallback.
/// </summary>
internal static partial class Strings
{
    // Lazy: the parts live in other files of this partial class, whose static fields are not initialized yet at this point.
    private static readonly Lazy<Dictionary<string, (string Zh, string En)>> Built = new(Build);

    public static IReadOnlyDictionary<string, (string Zh, string En)> Table => Built.Value;

    private static Dictionary<string, (string Zh, string En)> Build()
    {
        var table = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal);
        foreach (var part in new[] { Common, Tasks, TaskPage, Extensions, Review, Notifications, Instances, Designer, Policies, Corrections, Directories, Supervision, Bulletin, Users })
        {
            foreach (var (key, text) in part)
            {
                table.Add(key, text);
            }
        }
        return table;
    }

    private static readonly Dictionary<string, (string Zh, string En)> Common = new()
    {
        ["App.Title"] = ("PolicyFlow 政策协同", "PolicyFlow Policy Collaboration"),
        ["Nav.Toggle"] = ("切换导航", "Toggle navigation"),
        ["Nav.Dashboard"] = ("工作台", "Dashboard"),
        ["Nav.Tasks"] = ("待办任务", "Tasks"),
        ["Nav.Instances"] = ("流程实例", "Instances"),
        ["Nav.Definitions"] = ("流程定义", "Definitions"),
        ["Culture.Zh"] = ("中文", "中文"),
        ["Culture.En"] = ("English", "English"),
        ["User.NoAgency"] = ("未登录单位", "No agency (not signed in)"),
        ["User.Logout"] = ("退出", "Sign out"),
        ["User.Login"] = ("登录", "Sign in"),
        ["Access.Denied"] = ("您没有权限使用此页面。", "You do not have permission to use this page."),
        ["Access.SignIn"] = ("请先登录。", "Please sign in first."),
        ["Access.Refused"] = ("您没有权限执行此操作。", "You are not allowed to do this."),
        ["Common.None"] = ("无", "None"),
        ["Common.All"] = ("全部", "All"),
        ["Common.Refresh"] = ("刷新", "Refresh"),
        ["Common.Unexpected"] = ("操作失败，请稍后重试；错误已记录。", "The action failed; it has been logged. Please try again."),
        ["Table.RowsPerPage"] = ("每页行数", "Rows per page"),
        ["Table.Info"] = ("第 {first_item}-{last_item} 条，共 {all_items} 条", "{first_item}-{last_item} of {all_items}"),
        ["Dash.MyOpen"] = ("我的待办", "My open tasks"),
        ["Dash.Overdue"] = ("已逾期", "Overdue"),
        ["Dash.DueSoon"] = ("即将到期", "Due soon"),
        ["Dash.Running"] = ("运行中的实例", "Running instances"),
        ["Dash.Lights"] = ("红黄绿灯", "Warning lights"),
        ["Dash.Faulted"] = ("{0} 个实例出错，需要处理", "{0} faulted instance(s) need attention"),
        ["Light.Red"] = ("红灯", "Red"),
        ["Light.Yellow"] = ("黄灯", "Yellow"),
        ["Light.Green"] = ("绿灯", "Green"),
        ["Status.Open"] = ("待签收", "Open"),
        ["Status.Claimed"] = ("已签收", "Claimed"),
        ["Status.Completed"] = ("已办结", "Completed"),
        ["Status.Cancelled"] = ("已取消", "Cancelled"),
        ["Status.Running"] = ("运行中", "Running"),
        ["Status.Waiting"] = ("等待中", "Waiting"),
        ["Status.Faulted"] = ("出错", "Faulted"),
        ["Status.Draft"] = ("草稿", "Draft"),
        ["Status.Published"] = ("已发布", "Published"),
        ["Status.Idle"] = ("未执行", "Idle"),
        ["Status.Pending"] = ("待触发", "Pending"),
        ["Status.Fired"] = ("已触发", "Fired"),
    };
}
