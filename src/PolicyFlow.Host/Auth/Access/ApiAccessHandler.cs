using Microsoft.AspNetCore.Authorization;
using PolicyFlow.Host.Application;

namespace PolicyFlow.Host.Auth.Access;

/// <summary>Applies the endpoint's rule: anonymous (401), wrong role (403), resource not visible (404), visible but not theirs to act on (403).</summary>
internal sealed class ApiAccessHandler(Visibility visibility, Directories.AgencyCatalog catalog, Directories.RegionDirectory regions)
    : AuthorizationHandler<ApiAccessRequirement, HttpContext>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiAccessRequirement requirement, HttpContext resource)
    {
        var rule = AccessRules.For(resource);
        if (rule is null)
        {
            // Fail closed: a new endpoint is refused until someone decides who may call it.
            context.Fail(new AuthorizationFailureReason(this, "This endpoint has no access rule."));
            return;
        }
        if (rule.Anonymous)
        {
            context.Succeed(requirement);
            return;
        }
        var caller = Caller.From(context.User);
        if (!caller.IsAuthenticated)
        {
            context.Fail();
            return;
        }
        if (rule.Roles is { } roles && !caller.IsAny(roles))
        {
            context.Fail(new AuthorizationFailureReason(this, $"Needs one of the roles {string.Join(", ", roles)}."));
            return;
        }
        if (!await ResourceAllowsAsync(rule.Resource, caller, context, resource))
        {
            return;
        }
        context.Succeed(requirement);
    }

    private async Task<bool> ResourceAllowsAsync(ResourceCheck check, Caller caller, AuthorizationHandlerContext context, HttpContext http)
    {
        if (check == ResourceCheck.None)
        {
            return true;
        }
        if (check == ResourceCheck.ReportMatrix)
        {
            if (Capabilities.Has(caller, Capabilities.ReportAll) || (Capabilities.Has(caller, Capabilities.ReportScoped)
                && Application.Supervision.ReportScope.For(caller, catalog, regions).SeesMatrix))
            {
                return true;
            }
            context.Fail(new AuthorizationFailureReason(this, "The matrix covers the province or a city; a county account uses the overdue list."));
            return false;
        }
        if (!Guid.TryParse(http.GetRouteValue("id")?.ToString(), out var id))
        {
            context.Fail(new HiddenReason(this));
            return false;
        }
        var ct = http.RequestAborted;
        if (check == ResourceCheck.InstanceRead)
        {
            if (await visibility.CanReadInstanceAsync(caller, id, ct))
            {
                return true;
            }
            context.Fail(new HiddenReason(this));
            return false;
        }
        var access = await visibility.TaskAccessAsync(caller, id, ct);
        if (access == TaskAccess.None)
        {
            context.Fail(new HiddenReason(this));
            return false;
        }
        if (check == ResourceCheck.TaskAct && access != TaskAccess.Act)
        {
            context.Fail(new AuthorizationFailureReason(this, "Only the assignee agency's staff act on this task."));
            return false;
        }
        if (check == ResourceCheck.TaskSupervise && !caller.ReadsEverything && !await visibility.LeadsTaskAsync(caller, id, ct))
        {
            context.Fail(new AuthorizationFailureReason(this, "Only leadership, the policy office or the measure's lead agency supervise this task."));
            return false;
        }
        return true;
    }
}
