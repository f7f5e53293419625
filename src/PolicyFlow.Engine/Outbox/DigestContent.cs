namespace PolicyFlow.Engine.Outbox;

/// <summary>What a digest says.</summary>
public sealed record DigestContent(string Subject, string TextBody, string? HtmlBody);
