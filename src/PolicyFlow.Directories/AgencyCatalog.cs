using System.Collections.Frozen;

namespace PolicyFlow.Directories;

/// <summary>Every agency kind in every region (province, cities, counties), findable by id or by any written name.</summary>
public sealed class AgencyCatalog
{
    private const string PlaceholderEmailDomain = "agencies.policyflow.local";

    private readonly FrozenDictionary<string, Agency> byId;
    private readonly FrozenDictionary<string, Agency> byName;

    private AgencyCatalog(IReadOnlyList<AgencyKind> kinds, IReadOnlyList<Agency> agencies, FrozenDictionary<string, Agency> byName)
    {
        Kinds = kinds;
        All = agencies;
        byId = agencies.ToFrozenDictionary(a => a.Id, StringComparer.Ordinal);
        this.byName = byName;
    }

    /// <summary>Every agency, region by region in directory order, kinds in <see cref="Kinds"/> order.</summary>
    public IReadOnlyList<Agency> All { get; }

    /// <summary>The kinds of work the catalog covers.</summary>
    public IReadOnlyList<AgencyKind> Kinds { get; }

    /// <summary>Creates one agency for every kind in every region of <paramref name="regions"/>.</summary>
    public static AgencyCatalog Build(RegionDirectory regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var kinds = AgencyKinds.All;
        var agencies = new List<Agency>(kinds.Count * regions.All.Count);
        var names = new Dictionary<string, Agency>(StringComparer.Ordinal);
        foreach (var region in regions.All)
        {
            foreach (var kind in kinds)
            {
                var id = $"{kind.Code}-{region.Code}";
                var agency = new Agency(
                    id,
                    kind.NameIn(region),
                    kind.Code,
                    region.Code,
                    kind.AliasesIn(region),
                    // A deterministic placeholder so mail can be tested end to end; administrators
                    // set the real address in the application, which stores it over this default.
                    $"{id}@{PlaceholderEmailDomain}");
                agencies.Add(agency);
                foreach (var name in agency.Aliases.Prepend(agency.Name))
                {
                    var key = AgencyNames.Normalize(name);
                    // Two agencies answering to one name would make Resolve guess; refuse the data instead.
                    if (names.TryGetValue(key, out var other) && other.Id != agency.Id)
                    {
                        throw new InvalidOperationException($"The name '{name}' would name both {other.Id} and {agency.Id}.");
                    }
                    names[key] = agency;
                }
            }
        }
        return new AgencyCatalog(kinds, agencies, names.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The agency with this id (e.g. <c>jx-330000</c>), or null.</summary>
    public Agency? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return byId.GetValueOrDefault(id.Trim());
    }

    /// <summary>The agency of kind <paramref name="kindCode"/> in <paramref name="regionCode"/>: where a cascaded step goes.</summary>
    public Agency? Counterpart(string kindCode, string regionCode)
    {
        ArgumentNullException.ThrowIfNull(kindCode);
        ArgumentNullException.ThrowIfNull(regionCode);
        return Find($"{kindCode.Trim()}-{regionCode.Trim()}");
    }

    /// <summary>The agency a document means by <paramref name="writtenName"/> (full name or any alias,
    /// ignoring whitespace and full/half-width differences), or null when no agency answers to it.</summary>
    public Agency? Resolve(string writtenName)
    {
        ArgumentNullException.ThrowIfNull(writtenName);
        return byName.GetValueOrDefault(AgencyNames.Normalize(writtenName));
    }
}
