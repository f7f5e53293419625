using PolicyFlow.Directories;

namespace PolicyFlow.Policies;

/// <summary>Reads agency names laid out on lines, as in a document's header (版头) or signature (落款).</summary>
internal static class IssuerNames
{
    private const int MaxTokensPerName = 4;

    /// <summary>Names split at spaces; a name broken across tokens or lines (中共浙江省委人才 / 工作领导小组办公室)
    /// is rejoined when the joined form resolves. 文件 (as in "…办公室 文件") is dropped.</summary>
    public static IReadOnlyList<AgencyRef> Read(IEnumerable<string> lines, AgencyCatalog catalog)
    {
        var tokens = lines
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(StripFileWord)
            .Where(t => t.Length > 0)
            .ToList();
        var names = new List<AgencyRef>();
        var i = 0;
        while (i < tokens.Count)
        {
            var (written, agency, used) = (tokens[i], catalog.Resolve(tokens[i]), 1);
            var joined = tokens[i];
            for (var j = i + 1; agency is null && j < tokens.Count && j < i + MaxTokensPerName; j++)
            {
                joined += tokens[j];
                if (catalog.Resolve(joined) is { } found)
                {
                    (written, agency, used) = (joined, found, j - i + 1);
                }
            }
            names.Add(new AgencyRef(written, agency?.Id, agency?.Name));
            i += used;
        }
        return names;
    }

    /// <summary>Whether every name on the line is, or looks like, an agency.</summary>
    public static bool IsAgencyLine(string line, AgencyCatalog catalog)
    {
        var names = Read([line], catalog);
        return names.Count > 0 && names.All(n => n.IsKnown || PartyNames.LooksLikeAgency(n.WrittenName));
    }

    private static string StripFileWord(string token) =>
        token.EndsWith("文件", StringComparison.Ordinal) ? token[..^2] : token;
}
