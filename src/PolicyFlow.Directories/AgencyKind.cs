namespace PolicyFlow.Directories;

/// <summary>A line of government work (系统/条线) such as 经信, and how its agency is named at each level.</summary>
/// <remarks>City and county names are templates in which <c>{region}</c> stands for the region's own name,
/// so 淳安县 yields 淳安县经信局 and 建德市 yields 建德市经信局.</remarks>
public sealed record AgencyKind
{
    private const string RegionPlaceholder = "{region}";

    /// <summary>Short ASCII code used in agency ids, e.g. <c>jx</c>.</summary>
    public required string Code { get; init; }

    /// <summary>The line's short Chinese label, e.g. 经信.</summary>
    public required string Label { get; init; }

    /// <summary>The provincial agency's full name, e.g. 浙江省经济和信息化厅.</summary>
    public required string ProvincialName { get; init; }

    /// <summary>Abbreviations documents use for the provincial agency, e.g. 省经信厅; <see cref="AliasesIn"/> adds the
    /// full name shortened to 省… / 省委… and without 中共.</summary>
    public required IReadOnlyList<string> ProvincialAliases { get; init; }

    /// <summary>How national documents name the ministry of this line (工业和信息化部, 工信部): a national document
    /// implemented by the province suggests the provincial agency for them, for the policy office to confirm.</summary>
    public IReadOnlyList<string> NationalNames { get; init; } = [];

    /// <summary>Conventional name of a city's counterpart, e.g. <c>{region}经信局</c>.</summary>
    public required string CityTemplate { get; init; }

    /// <summary>Other names of a city's counterpart (full forms, common abbreviations).</summary>
    public IReadOnlyList<string> CityAliasTemplates { get; init; } = [];

    /// <summary>Conventional name of a county's counterpart; the city template when null.</summary>
    public string? CountyTemplate { get; init; }

    /// <summary>Other names of a county's counterpart; the city alias templates when null.</summary>
    public IReadOnlyList<string>? CountyAliasTemplates { get; init; }

    /// <summary>The name this kind's agency carries in <paramref name="region"/>.</summary>
    public string NameIn(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region.Level switch
        {
            RegionLevel.Province => ProvincialName,
            RegionLevel.City => Fill(CityTemplate, region),
            _ => Fill(CountyTemplate ?? CityTemplate, region),
        };
    }

    /// <summary>The other names this kind's agency is known by in <paramref name="region"/>.</summary>
    public IReadOnlyList<string> AliasesIn(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region.Level switch
        {
            RegionLevel.Province => [.. ProvincialAliases.Union(ShortenedProvincialNames(), StringComparer.Ordinal)],
            RegionLevel.City => [.. CityAliasTemplates.Select(t => Fill(t, region))],
            _ => [.. (CountyAliasTemplates ?? CityAliasTemplates).Select(t => Fill(t, region))],
        };
    }

    // Documents also drop 浙江 from the full name: 省人力资源和社会保障厅, 省委统一战线工作部.
    private IEnumerable<string> ShortenedProvincialNames()
    {
        const string Province = "浙江省";
        const string PartyCommittee = "中共浙江省委";
        if (ProvincialName.StartsWith(Province, StringComparison.Ordinal))
        {
            yield return "省" + ProvincialName[Province.Length..];
        }
        else if (ProvincialName.StartsWith(PartyCommittee, StringComparison.Ordinal))
        {
            yield return "省委" + ProvincialName[PartyCommittee.Length..];
            yield return ProvincialName[2..];
        }
    }

    private static string Fill(string template, Region region) =>
        template.Replace(RegionPlaceholder, region.Name, StringComparison.Ordinal);
}
