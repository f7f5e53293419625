namespace PolicyFlow.Policies;

/// <summary>An agency as a document names it, with the catalog agency it resolved to, if any.</summary>
/// <param name="WrittenName">The name exactly as the document wrote it (after width and whitespace normalisation).</param>
/// <param name="AgencyId">The catalog id (e.g. <c>jx-330000</c>), or null when the name is unknown and must be mapped.</param>
/// <param name="AgencyName">The catalog agency's name, or null when unknown.</param>
public sealed record AgencyRef(string WrittenName, string? AgencyId, string? AgencyName)
{
    /// <summary>True when the written name resolved to a catalog agency.</summary>
    public bool IsKnown => AgencyId is not null;
}
