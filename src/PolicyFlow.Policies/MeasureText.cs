namespace PolicyFlow.Policies;

/// <summary>A measure's heading resolved into title and content; <see cref="FirstLine"/> is the content's first line index.</summary>
internal sealed record MeasureText(string Title, bool TitleJoined, string Content, int FirstLine);
