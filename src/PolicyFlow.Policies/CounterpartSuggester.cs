using PolicyFlow.Directories;

namespace PolicyFlow.Policies;

/// <summary>For a national document implemented by the province (贯彻落实), suggests the province's counterpart of each
/// ministry it names, by line of work: 人力资源社会保障部 → 省人力社保厅, 工业和信息化部 → 省经信厅.</summary>
/// <remarks>Only a suggestion: the names stay unknown and flagged until the policy office confirms a mapping, because a
/// ministry's task in a national document is not always its provincial counterpart's.</remarks>
internal static class CounterpartSuggester
{
    public static IReadOnlyList<MappingSuggestion> Suggest(IEnumerable<AgencyRef> names, AgencyCatalog catalog)
    {
        var suggestions = new List<MappingSuggestion>();
        foreach (var name in names.Where(n => !n.IsKnown).Select(n => n.WrittenName).Distinct(StringComparer.Ordinal))
        {
            var key = AgencyNames.Normalize(name);
            var kind = catalog.Kinds.FirstOrDefault(k => k.NationalNames.Any(n => AgencyNames.Normalize(n) == key));
            var provincial = kind is null ? null : catalog.Resolve(kind.ProvincialName);
            if (kind is null || provincial is null)
            {
                continue;
            }
            suggestions.Add(new MappingSuggestion(name, provincial.Id, provincial.Name,
                $"“{name}”是国家部委，建议由同系统（{kind.Label}）的省级对口部门承办，请确认。"
                + $"('{name}' is a national ministry; its provincial counterpart of the same line ({kind.Label}) is suggested. Please confirm.)"));
        }
        return suggestions;
    }
}
