namespace PolicyFlow.Host.Studio.Localization;

internal static partial class Strings
{
    private static readonly Dictionary<string, (string Zh, string En)> Users = new()
    {
        ["Nav.Users"] = ("用户管理", "Users"),
        ["Users.Name"] = ("用户", "User"),
        ["Users.Agency"] = ("所属单位", "Agency"),
        ["Users.Role"] = ("角色", "Role"),
        ["Users.State"] = ("状态", "State"),
        ["Users.LastSignIn"] = ("最近登录", "Last sign-in"),
        ["Users.Tokens"] = ("有效令牌", "Active tokens"),
        ["Users.Actions"] = ("操作", "Actions"),
        ["Users.Active"] = ("正常", "Active"),
        ["Users.Locked"] = ("已锁定", "Locked"),
        ["Users.LockedUntil"] = ("锁定至 {0}", "Locked until {0}"),
        ["Users.Never"] = ("暂无记录", "Not known"),
        ["Users.Lock"] = ("锁定", "Lock"),
        ["Users.Unlock"] = ("解锁", "Unlock"),
        ["Users.Revoke"] = ("撤销令牌", "Revoke tokens"),
        ["Users.Search"] = ("查找用户或单位", "Find a user or agency"),
        ["Users.Shown"] = ("共 {0} 个用户", "{0} users"),
        ["Users.Empty"] = ("没有符合条件的用户。", "No user matches."),
        ["Users.Intro"] = ("锁定、改角色或撤销令牌后：该用户的访问令牌立即失效，已登录的页面在 {0} 分钟内退出。",
            "After a lock, a role change or a revocation the user's access tokens stop at once and their signed-in pages end within {0} minutes."),
        ["Users.DidLock"] = ("已锁定 {0}：其令牌立即失效，已登录的会话随后结束。", "Locked {0}: their tokens stop at once, their sessions end shortly."),
        ["Users.DidUnlock"] = ("已解锁 {0}，可以重新登录。", "Unlocked {0}; they can sign in again."),
        ["Users.DidRole"] = ("已将 {0} 的角色改为“{1}”。", "{0} now has the role “{1}”."),
        ["Users.DidRevoke"] = ("已撤销 {0} 的 {1} 个令牌。", "Revoked {1} token(s) of {0}."),
        ["Role.Administrator"] = ("系统管理员", "Administrator"),
        ["Role.PolicyOffice"] = ("政策督查处", "Policy office"),
        ["Role.AgencyStaff"] = ("单位经办人", "Agency staff"),
        ["Role.Leadership"] = ("领导", "Leadership"),
    };
}
