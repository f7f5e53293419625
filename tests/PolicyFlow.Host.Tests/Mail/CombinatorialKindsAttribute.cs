using System.Reflection;
using PolicyFlow.Activities.Notifications;
using Xunit.Sdk;

namespace PolicyFlow.Host.Tests.Mail;

/// <summary>Every notification kind a workflow writes, in zh-CN and en.</summary>
internal sealed class CombinatorialKindsAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        from kind in Enum.GetValues<NotificationKind>()
        where kind != NotificationKind.Digest
        from culture in new[] { "zh-CN", "en" }
        select new object[] { kind, culture };
}
