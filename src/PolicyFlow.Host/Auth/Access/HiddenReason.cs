using Microsoft.AspNetCore.Authorization;

namespace PolicyFlow.Host.Auth.Access;

/// <summary>A refusal answered with 404, because saying "forbidden" would tell the caller the resource exists.</summary>
internal sealed class HiddenReason(IAuthorizationHandler handler) : AuthorizationFailureReason(handler, "The resource is not visible to the caller.");
