namespace PolicyFlow.Directories;

/// <summary>Parses and checks the divisions CSV; every complaint names the line so a data fix is quick.</summary>
internal static class RegionCsvReader
{
    private const string Header = "code,name,level,parent_code";

    public static T Read<T>(TextReader csv, Func<Region, IReadOnlyList<Region>, IReadOnlyList<Region>, T> build)
    {
        var regions = new List<(Region Region, int Line)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 0;
        var headerSeen = false;
        while (csv.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = raw.Trim().TrimStart('\uFEFF');
            if (line.Length == 0)
            {
                continue;
            }
            if (!headerSeen)
            {
                if (!string.Equals(line, Header, StringComparison.OrdinalIgnoreCase))
                {
                    throw Bad(lineNumber, $"expected the header '{Header}' but found '{line}'");
                }
                headerSeen = true;
                continue;
            }
            var region = ParseRow(line, lineNumber);
            if (seen.TryGetValue(region.Code, out var first))
            {
                throw Bad(lineNumber, $"code {region.Code} already appears on line {first}");
            }
            seen.Add(region.Code, lineNumber);
            regions.Add((region, lineNumber));
        }
        if (!headerSeen)
        {
            throw new FormatException($"Region CSV is empty: expected the header '{Header}' and one row per region.");
        }
        return Assemble(regions, build);
    }

    private static Region ParseRow(string line, int lineNumber)
    {
        var fields = line.Split(',');
        if (fields.Length != 4)
        {
            throw Bad(lineNumber, $"expected 4 fields ({Header}) but found {fields.Length}: '{line}'");
        }
        var code = fields[0].Trim();
        var name = fields[1].Trim();
        var levelText = fields[2].Trim();
        var parent = fields[3].Trim();
        if (!IsCode(code))
        {
            throw Bad(lineNumber, $"code '{code}' is not a 6-digit GB/T 2260 code");
        }
        if (name.Length == 0 || name.Contains('"', StringComparison.Ordinal))
        {
            throw Bad(lineNumber, $"name '{name}' is empty or quoted");
        }
        RegionLevel level = levelText.ToUpperInvariant() switch
        {
            "PROVINCE" => RegionLevel.Province,
            "CITY" => RegionLevel.City,
            "COUNTY" => RegionLevel.County,
            _ => throw Bad(lineNumber, $"level '{levelText}' is not province, city or county"),
        };
        if (level == RegionLevel.Province && parent.Length != 0)
        {
            throw Bad(lineNumber, $"the province must have no parent_code, found '{parent}'");
        }
        if (level != RegionLevel.Province && !IsCode(parent))
        {
            throw Bad(lineNumber, $"parent_code '{parent}' is not a 6-digit code");
        }
        return new Region(code, name, level, parent.Length == 0 ? null : parent);
    }

    private static T Assemble<T>(
        List<(Region Region, int Line)> rows,
        Func<Region, IReadOnlyList<Region>, IReadOnlyList<Region>, T> build)
    {
        var provinces = rows.Where(r => r.Region.Level == RegionLevel.Province).ToList();
        if (provinces.Count != 1)
        {
            throw new FormatException($"Region CSV must hold exactly one province row; found {provinces.Count}.");
        }
        var province = provinces[0].Region;
        var cityCodes = rows.Where(r => r.Region.Level == RegionLevel.City).Select(r => r.Region.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var (region, line) in rows)
        {
            var expectedParentOk = region.Level switch
            {
                RegionLevel.City => region.ParentCode == province.Code,
                RegionLevel.County => cityCodes.Contains(region.ParentCode!),
                _ => true,
            };
            if (!expectedParentOk)
            {
                throw Bad(line, $"{region.Name} ({region.Code}) names parent {region.ParentCode}, which is not "
                    + (region.Level == RegionLevel.City ? "the province" : "a city") + " in this file");
            }
        }
        Region[] Ordered(RegionLevel level) =>
            [.. rows.Select(r => r.Region).Where(r => r.Level == level).OrderBy(r => r.Code, StringComparer.Ordinal)];
        return build(province, Ordered(RegionLevel.City), Ordered(RegionLevel.County));
    }

    private static bool IsCode(string value) => value.Length == 6 && value.All(char.IsAsciiDigit);

    private static FormatException Bad(int line, string problem) => new($"Region CSV line {line}: {problem}.");
}
