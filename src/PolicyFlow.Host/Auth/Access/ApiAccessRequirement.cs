using Microsoft.AspNetCore.Authorization;

namespace PolicyFlow.Host.Auth.Access;

/// <summary>The one requirement of the <c>/api</c> group: the request satisfies its endpoint's rule in <see cref="AccessRules"/>.</summary>
internal sealed class ApiAccessRequirement : IAuthorizationRequirement
{
    public const string Policy = "api-access";
}
