namespace PolicyFlow.Policies;

/// <summary>A proposed mapping of a name the catalog does not know to a catalog agency; the policy office confirms it.</summary>
/// <param name="WrittenName">The name as the document writes it, e.g. 人力资源社会保障部.</param>
/// <param name="AgencyId">The suggested agency, e.g. <c>rlsb-330000</c>.</param>
/// <param name="Reason">Why, in Chinese and English.</param>
public sealed record MappingSuggestion(string WrittenName, string AgencyId, string AgencyName, string Reason);
