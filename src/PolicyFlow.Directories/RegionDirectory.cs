using System.Collections.Frozen;

namespace PolicyFlow.Directories;

/// <summary>Zhejiang's province, 11 cities and 90 county-level units, read from a GB/T 2260 CSV.</summary>
public sealed class RegionDirectory
{
    private const string EmbeddedFileName = "zhejiang-divisions.csv";

    // The data never changes while the process runs, so one parse serves every caller.
    private static readonly Lazy<RegionDirectory> Embedded = new(ReadEmbedded);

    private readonly FrozenDictionary<string, Region> byCode;
    private readonly FrozenDictionary<string, IReadOnlyList<Region>> countiesByCity;

    private RegionDirectory(Region province, IReadOnlyList<Region> cities, IReadOnlyList<Region> counties)
    {
        Province = province;
        Cities = cities;
        All = [province, .. cities, .. counties];
        byCode = All.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);
        countiesByCity = cities.ToFrozenDictionary(
            c => c.Code,
            c => (IReadOnlyList<Region>)counties.Where(k => k.ParentCode == c.Code).ToArray(),
            StringComparer.Ordinal);
    }

    /// <summary>The province first, then the cities, then the counties, each group ordered by code.</summary>
    public IReadOnlyList<Region> All { get; }

    /// <summary>浙江省 (330000).</summary>
    public Region Province { get; }

    /// <summary>The 11 cities (设区市), ordered by code.</summary>
    public IReadOnlyList<Region> Cities { get; }

    /// <summary>The directory compiled into this assembly (zhejiang-divisions.csv).</summary>
    public static RegionDirectory LoadEmbedded() => Embedded.Value;

    /// <summary>Reads <c>code,name,level,parent_code</c> rows; throws <see cref="FormatException"/> naming the bad line.</summary>
    public static RegionDirectory Load(TextReader csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return RegionCsvReader.Read(csv, (province, cities, counties) => new RegionDirectory(province, cities, counties));
    }

    /// <summary>The county-level units of a city, ordered by code; empty when the code is not a city.</summary>
    public IReadOnlyList<Region> CountiesOf(string cityCode)
    {
        ArgumentNullException.ThrowIfNull(cityCode);
        return countiesByCity.TryGetValue(cityCode, out var counties) ? counties : [];
    }

    /// <summary>The region with this code, or null.</summary>
    public Region? Find(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return byCode.GetValueOrDefault(code.Trim());
    }

    /// <summary>The city a county belongs to; a city code returns the city itself; the province or an unknown code returns null.</summary>
    public Region? CityOf(string countyCode)
    {
        var region = Find(countyCode);
        return region?.Level switch
        {
            RegionLevel.City => region,
            RegionLevel.County => Find(region.ParentCode!),
            _ => null,
        };
    }

    private static RegionDirectory ReadEmbedded()
    {
        var assembly = typeof(RegionDirectory).Assembly;
        // Match on the file name: the manifest name depends on how the project lays out the resource.
        var name = assembly.GetManifestResourceNames()
            .SingleOrDefault(n => n.EndsWith("." + EmbeddedFileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException(
                $"The embedded resource {EmbeddedFileName} is missing from {assembly.GetName().Name}; "
                + "the project needs <EmbeddedResource Include=\"Data/*.csv\" />.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return Load(reader);
    }
}
