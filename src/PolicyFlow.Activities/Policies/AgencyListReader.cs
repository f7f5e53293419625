using System.Text.RegularExpressions;
using PolicyFlow.Activities.Directories;

namespace PolicyFlow.Activities.Policies;

/// <summary>Reads the bracketed list that ends a measure: （省经信厅、省委人才办，列第一位的为牵头单位。…）.</summary>
/// <remarks>
/// Clauses are split at top-level 。；，; each is a lead-rule sentence (列第一位的为牵头单位, 排在第一位的部门为牵头部门…),
/// a local-implementation clause (以下均需各市、县（市、区）落实), a bare note (不再列出, 按职责分工负责), or names split
/// at 、. Endings (等, 按职责分工负责, 配合) are removed from names. The lead is the first name marked 牵头
/// (X牵头 / X、Y牵头 / X会同Y / 牵头单位：X / X为牵头单位), otherwise the first name listed. Names the catalog does
/// not know are kept: an agency-shaped name (…部/厅/局/委/办…) as an unknown agency, anything else as a special party.
/// </remarks>
internal static partial class AgencyListReader
{
    private const int MaxItemLength = 30;

    private enum ItemKind
    {
        Agency,
        Party,
    }

    private sealed record Item(string Written, Agency? Agency, ItemKind Kind, bool MarkedLead);

    /// <summary>The parsed list, or null when the bracket's content is not an agency list (e.g. （试行）, （以下简称…）).</summary>
    public static AgencyList? TryRead(string content, AgencyCatalog catalog)
    {
        var items = new List<Item>();
        bool leadRule = false, localHere = false, localOnward = false;
        foreach (var clause in BracketScanner.SplitTopLevel(PolicyText.RemoveWhitespace(content), "。；，"))
        {
            if (clause.Length == 0 || Note().IsMatch(clause))
            {
                continue;
            }
            if (clause.Contains("第一", StringComparison.Ordinal) && clause.Contains("牵头", StringComparison.Ordinal))
            {
                leadRule = true;
                continue;
            }
            if (LocalPlace().IsMatch(clause) && LocalDuty().IsMatch(clause))
            {
                localOnward |= Onward().IsMatch(clause);
                localHere = true;
                continue;
            }
            if (!ReadClause(clause, catalog, items))
            {
                return null;
            }
        }
        var localClause = localHere;
        var localParties = items.Where(i => i.Kind == ItemKind.Party && LocalPlace().IsMatch(i.Written)).ToList();
        localHere |= localParties.Count > 0;
        // A list may name only local governments; a stray （各设区市） in a body is not one.
        var isList = items.Any(i => i.Kind == ItemKind.Agency)
            || localClause
            || localParties.Any(p => p.Written.EndsWith("政府", StringComparison.Ordinal));
        return isList ? Assemble(items, leadRule, localHere, localOnward) : null;
    }

    /// <summary>Whether a name has the shape of an agency (省人社厅, 人社部, 某某局) rather than of a place or party.</summary>
    public static bool LooksLikeAgency(string name) => name.Length <= 24 && AgencyShape().IsMatch(name);

    private static bool ReadClause(string clause, AgencyCatalog catalog, List<Item> items)
    {
        var markedLead = false;
        var label = Label().Match(clause);
        if (label.Success)
        {
            markedLead = label.Groups["label"].Value.StartsWith("牵头", StringComparison.Ordinal);
            clause = clause[label.Length..];
        }
        var declared = DeclaredLead().Match(clause);
        if (declared.Success)
        {
            markedLead = true;
            clause = declared.Groups["names"].Value;
        }
        var with = clause.IndexOf("会同", StringComparison.Ordinal);
        if (with > 0)
        {
            return ReadNames(clause[..with], markedLead: true, catalog, items)
                && ReadNames(clause[(with + 2)..], markedLead: false, catalog, items);
        }
        return ReadNames(clause, markedLead, catalog, items);
    }

    private static bool ReadNames(string clause, bool markedLead, AgencyCatalog catalog, List<Item> items)
    {
        // "X、Y牵头" marks every name in the clause, so the clause ending is read before splitting.
        clause = StripEndings(clause, out var clauseLead);
        foreach (var piece in KeepLocalPhrase(BracketScanner.SplitTopLevel(clause, "、")))
        {
            var name = StripEndings(piece, out var pieceLead);
            if (name.Length == 0)
            {
                continue;
            }
            if (name.Length > MaxItemLength)
            {
                return false;
            }
            var agency = catalog.Resolve(name);
            var kind = agency is not null || (LooksLikeAgency(name) && !LocalPlace().IsMatch(name)) ? ItemKind.Agency : ItemKind.Party;
            items.Add(new Item(name, agency, kind, markedLead || clauseLead || pieceLead));
        }
        return true;
    }

    // 各市、县（市、区）is one phrase, not two names.
    private static IEnumerable<string> KeepLocalPhrase(IReadOnlyList<string> pieces)
    {
        for (var i = 0; i < pieces.Count; i++)
        {
            if (pieces[i].EndsWith("各市", StringComparison.Ordinal) && i + 1 < pieces.Count
                && pieces[i + 1].StartsWith('县'))
            {
                yield return pieces[i] + "、" + pieces[++i];
                continue;
            }
            yield return pieces[i];
        }
    }

    private static string StripEndings(string text, out bool markedLead)
    {
        markedLead = false;
        string before;
        do
        {
            before = text;
            text = DutyEnding().Replace(text, "");
            if (text.EndsWith("牵头", StringComparison.Ordinal))
            {
                text = text[..^2];
                markedLead = true;
            }
            text = SupportEnding().Replace(text, "");
            text = EtcEnding().Replace(text, "");
        }
        while (text != before && text.Length > 0);
        return text;
    }

    private static AgencyList Assemble(List<Item> items, bool leadRule, bool localHere, bool localOnward)
    {
        var notes = new List<string>();
        var agencies = new List<Item>();
        foreach (var item in items.Where(i => i.Kind == ItemKind.Agency))
        {
            var duplicate = agencies.FirstOrDefault(a => a.Agency is not null ? a.Agency == item.Agency : a.Written == item.Written);
            if (duplicate is null)
            {
                agencies.Add(item);
                continue;
            }
            notes.Add($"“{item.Written}”与“{duplicate.Written}”是同一单位，只保留一次。"
                + $"('{item.Written}' and '{duplicate.Written}' are the same agency; listed once.)");
        }
        var marked = agencies.Where(a => a.MarkedLead).ToList();
        var lead = marked.FirstOrDefault() ?? agencies.FirstOrDefault();
        if (marked.Count > 1)
        {
            var names = string.Join("、", marked.Select(m => m.Written));
            notes.Add($"{names}共同牵头；已将“{marked[0].Written}”作为牵头单位，其余作为配合单位，请确认。"
                + $"({names} lead jointly; '{marked[0].Written}' is taken as lead and the others as co-agencies. Please confirm.)");
        }
        if (marked.Count > 0 && leadRule && marked[0] != agencies[0])
        {
            notes.Add($"列第一位的“{agencies[0].Written}”与标明牵头的“{marked[0].Written}”不一致，已以标明牵头者为准，请确认。"
                + $"(The first-listed '{agencies[0].Written}' differs from '{marked[0].Written}', which is marked 牵头; the marked one is taken as lead. Please confirm.)");
        }
        return new AgencyList(
            lead is null ? null : ToRef(lead),
            [.. agencies.Where(a => a != lead).Select(ToRef)],
            [.. items.Where(i => i.Kind == ItemKind.Party).Select(i => i.Written).Distinct(StringComparer.Ordinal)],
            localHere,
            localOnward,
            leadRule,
            notes);
    }

    private static AgencyRef ToRef(Item item) => new(item.Written, item.Agency?.Id, item.Agency?.Name);

    [GeneratedRegex("^(以下同|下同|同上|不再列出|不再一一列出|按职责分工负责|按职责分工落实|按职责负责|分工负责|各司其职|共同负责|分别负责|负责)$")]
    private static partial Regex Note();

    [GeneratedRegex("各市|市、县|县〔市、区〕|县（市、区）|设区市|各地")]
    private static partial Regex LocalPlace();

    [GeneratedRegex("落实|实施|执行|贯彻|推进")]
    private static partial Regex LocalDuty();

    [GeneratedRegex("以下|下同|均需|均要|均应")]
    private static partial Regex Onward();

    [GeneratedRegex("^(?<label>牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|参与单位|协办单位)[：:]")]
    private static partial Regex Label();

    [GeneratedRegex("^(?<names>.+?)(为|是)牵头(单位|部门)$")]
    private static partial Regex DeclaredLead();

    [GeneratedRegex("(按职责分工|按职责|分工|共同|分别|具体)?(负责|落实)$")]
    private static partial Regex DutyEnding();

    [GeneratedRegex("(配合|参与|协同|协助|协办)$")]
    private static partial Regex SupportEnding();

    [GeneratedRegex("等(有关|相关)?(部门|单位)?$")]
    private static partial Regex EtcEnding();

    [GeneratedRegex("^[\\u4E00-\\u9FFF]{2,}(部|厅|局|委|办|办公室|会|协|联|院|署|行|中心|政府|集团|公司|大学|学院|总队|支队)$")]
    private static partial Regex AgencyShape();
}
