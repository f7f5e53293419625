namespace PolicyFlow.Activities.Notifications;

/// <summary>A notification rendered for one recipient: a one-line subject, a plain-text body and an HTML body.</summary>
public sealed record RenderedNotification(string Subject, string TextBody, string HtmlBody, string Culture);
