namespace PolicyFlow.Activities.Notifications;

/// <summary>Where notification links point and where administrators keep their own templates.</summary>
public sealed class NotificationOptions
{
    /// <summary>The Studio's address; every message links to <c>{StudioBaseUrl}/tasks/{taskId}</c>.</summary>
    public string StudioBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>
    /// A folder of templates that replace the embedded ones, laid out as <c>{culture}/{kind}.{subject|text|html}.liquid</c>
    /// (and <c>{culture}/layout.{text|html}.liquid</c>); null uses the embedded defaults only.
    /// </summary>
    public string? TemplatesPath { get; set; }

    /// <summary>The language used when a recipient's has no templates, and for digests.</summary>
    public string DefaultCulture { get; set; } = "zh-CN";
}
