using Microsoft.AspNetCore.Identity;

namespace PolicyFlow.Host.Auth;

/// <summary>A person who signs in. Every user belongs to one agency (<c>{kind}-{regionCode}</c>, e.g. <c>jx-330102</c>).</summary>
public sealed class PolicyFlowUser : IdentityUser
{
    public string AgencyId { get; set; } = "";

    public string? DisplayName { get; set; }
}
