namespace PolicyFlow.Activities.Notifications;

/// <summary>
/// Who receives a notification, and in which language (<c>zh-CN</c> unless the person chose another); <c>AgencyId</c> is
/// the agency whose mail it is, so the agency's people see it in the Studio too.
/// </summary>
public sealed record Recipient(string Email, string Name, string Culture = "zh-CN", string? AgencyId = null);
