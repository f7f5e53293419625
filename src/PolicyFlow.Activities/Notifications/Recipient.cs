namespace PolicyFlow.Activities.Notifications;

/// <summary>Who receives a notification, and in which language (<c>zh-CN</c> unless the person chose another).</summary>
public sealed record Recipient(string Email, string Name, string Culture = "zh-CN");
