using Hangfire.Dashboard;

namespace PolicyFlow.Host.Auth;

/// <summary>The Hangfire dashboard can delete and re-run jobs: administrators only (Hangfire answers 401 / 403 otherwise).</summary>
internal sealed class HangfireAdminFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Administrator);
}
