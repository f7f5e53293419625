namespace PolicyFlow.Policies;

/// <summary>What the lines before the first heading (and the signature after the measures) say about the document.</summary>
internal sealed record FrontMatter(
    string? Title,
    string? NoticeTitle,
    string? DocumentNumber,
    IReadOnlyList<AgencyRef> Issuers,
    DateOnly? PublishedOn);
