using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Activities.Notifications;
using PolicyFlow.Engine.Activities;

namespace PolicyFlow.Activities.Notices;

/// <summary>When a review accepts or returns (退回重办), the reviewed agencies are told, with the reviewer's comment.</summary>
internal static class ReviewNotices
{
    public static void Send(ActivityContext context, Stimulus stimulus)
    {
        var kind = stimulus.Outcome switch
        {
            "Accept" => NotificationKind.Accepted,
            "Return" => NotificationKind.Returned,
            _ => (NotificationKind?)null,
        };
        if (kind is null || context.RawProperty("reviewOf") is not JsonArray reviewed)
        {
            return;
        }
        var taskId = stimulus.TaskId ?? Guid.Empty;
        var task = context.Db.Tasks.AsNoTracking().FirstOrDefault(t => t.Id == taskId);
        // An entry may name the reviewed agency by a template, e.g. a county's "{{kind}}-{{region}}".
        var to = context.Services.GetRequiredService<Recipients>().Of(context.Db, reviewed.Select(a => context.Resolve(a)!.GetValue<string>()));
        var model = task is null ? new NotificationModel { InstanceId = context.Instance.Id } : TaskNotices.Model(context.Db, context.Services.GetRequiredService<Directories.AgencyCatalog>(), task, context.Now,
                stimulus.Comment);
        context.Services.GetRequiredService<NotificationWriter>().Enqueue(context, kind.Value, to, model with { Approved = kind == NotificationKind.Accepted },
            $"{kind}:{taskId}");
    }
}
