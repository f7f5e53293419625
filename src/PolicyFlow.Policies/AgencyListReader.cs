using System.Text.RegularExpressions;
using PolicyFlow.Directories;

namespace PolicyFlow.Policies;

/// <summary>Reads a responsible-agency list: （省经信厅、省委人才办，列第一位的为牵头单位。…）, （牵头单位：X；责任单位：Y）.</summary>
/// <remarks>
/// A closing bracket that states the lead rule (（除标注为“牵头”单位外，列第一位的为牵头或汇总单位，下同）) is set aside; a
/// sentence that says every measure from here on involves the local governments (具体任务均涉及相关市（州）人民政府，不再做
/// 分工，下同) is one rule, and so is a sentence that has a class of departments take part from here on (其他有关部门和单位按职责分工
/// 负责，下同). Otherwise clauses are split at top-level 。；， and before every label (牵头单位：, 责任单位：,
/// 协同责任单位：, 部门分工：…); each is a lead-rule sentence
/// (列第一位的为牵头单位, 排在首位的为牵头单位), a local-implementation clause (以下均需各市、县（市、区）落实), a bare note
/// (不再列出, 按职责分工负责), a key that is not about agencies (适用范围：…), or names split at 、 (and at 和/及 before
/// 各…/有关…, never inside 文化和旅游部). Endings (等, 按职责分工负责, 配合) are removed from names and remembered: 等 makes
/// the list open-ended, the duty words become its roles. The leads are the names marked 牵头 (X牵头 / X、Y牵头 / X会同Y /
/// 牵头单位：X / X为牵头单位), otherwise the first name listed. Local governments are parties, not co-agencies.
/// </remarks>
internal static partial class AgencyListReader
{
    private const int MaxItemLength = 30;
    private const int MatchTimeoutMs = 1000;

    private enum ItemKind
    {
        Agency,
        Party,
    }

    private sealed record Item(string Written, Agency? Agency, ItemKind Kind, bool MarkedLead);

    private sealed class State
    {
        public List<Item> Items { get; } = [];
        public List<string> Locals { get; } = [];
        public List<string> Roles { get; } = [];
        public bool OpenEnded { get; set; }
        public bool SawDuty { get; set; }
        public bool LeadRule { get; set; }
        public bool LocalClause { get; set; }
        public bool LocalOnward { get; set; }
        public bool OpenOnward { get; set; }
        public int GenericNames { get; set; }

        public void Role(string role)
        {
            SawDuty = true;
            if (!Roles.Contains(role, StringComparer.Ordinal))
            {
                Roles.Add(role);
            }
        }
    }

    /// <summary>The parsed list, or null when the text is not an agency list (e.g. （试行）, （以下简称…）, （工程勘察除外）).</summary>
    public static AgencyList? TryRead(string content, AgencyCatalog catalog)
    {
        var state = new State();
        var text = PatternTimeout.Use(LabelStart()).Replace(PolicyText.RemoveWhitespace(content), "；");
        text = WithoutTrailingLeadRule(text, state);
        foreach (var sentence in BracketScanner.SplitTopLevel(text, "。；"))
        {
            if (IsStandingLocalRule(sentence))
            {
                // 具体任务均涉及相关市（州）人民政府，不再做分工，下同: every measure from here on involves them.
                state.LocalOnward = true;
                state.LocalClause = true;
                continue;
            }
            var generic = state.GenericNames;
            foreach (var clause in BracketScanner.SplitTopLevel(sentence, "，"))
            {
                if (!ReadClause(clause, catalog, state))
                {
                    return null;
                }
            }
            if (state.GenericNames > generic && PatternTimeout.Use(SameBelow()).IsMatch(sentence))
            {
                // 其他有关部门和单位按职责分工负责，下同: departments named by no one take part in every measure from here on.
                state.OpenOnward = true;
            }
        }
        var agencies = state.Items.Any(i => i.Kind == ItemKind.Agency);
        // A list may name no department at all (各设区市政府负责, 有关部门按职责分工负责) but then it must say who does what.
        var isList = agencies || state.LocalClause || (state.Locals.Count > 0 && state.SawDuty)
            || (state.OpenEnded && state.SawDuty && state.Items.Count == 0)
            || state.Locals.Any(l => l.EndsWith("政府", StringComparison.Ordinal));
        return isList ? Assemble(state) : null;
    }

    private static bool ReadClause(string clause, AgencyCatalog catalog, State state)
    {
        if (clause.Length == 0)
        {
            return true;
        }
        if (PatternTimeout.Use(Note()).Match(clause) is { Success: true } note)
        {
            if (note.Groups["duty"].Success)
            {
                state.Role(note.Groups["duty"].Value);
            }
            return true;
        }
        if (PatternTimeout.Use(LeadRule()).IsMatch(clause))
        {
            state.LeadRule = true;
            return true;
        }
        if (IsStandingLocalRule(clause))
        {
            state.LocalOnward = true;
            state.LocalClause = true;
            return true;
        }
        var markedLead = false;
        if (PatternTimeout.Use(Label()).Match(clause) is { Success: true } label)
        {
            var key = label.Groups["label"].Value;
            markedLead = key.StartsWith("牵头", StringComparison.Ordinal);
            // 部门分工：X牵头，Y配合 states the roles in its names, not in its key.
            if (!key.EndsWith("分工", StringComparison.Ordinal))
            {
                state.Role(markedLead ? "牵头" : PatternTimeout.Use(SupportEnding()).IsMatch(key[..2]) ? "配合" : "负责");
            }
            clause = clause[label.Length..];
        }
        else if (PatternTimeout.Use(OtherKey()).IsMatch(clause) || PatternTimeout.Use(Term()).IsMatch(clause))
        {
            // 年内持续推进, 2020年底前完成: when, not who.
            // 适用范围：…, 完成时限：… say something about the measure, not about who does it.
            return true;
        }
        if (PatternTimeout.Use(DeclaredLead()).Match(clause) is { Success: true } declared)
        {
            markedLead = true;
            clause = declared.Groups["names"].Value;
        }
        var with = clause.IndexOf("会同", StringComparison.Ordinal);
        if (with > 0)
        {
            return ReadNames(clause[..with], markedLead: true, catalog, state)
                && ReadNames(clause[(with + 2)..], markedLead: false, catalog, state);
        }
        return ReadNames(clause, markedLead, catalog, state);
    }

    // 责任单位：X、Y牵头，Z（除标注为“牵头”单位外，列第一位的为牵头或汇总单位，下同）: the bracket states the lead rule, it names no one.
    private static string WithoutTrailingLeadRule(string text, State state)
    {
        if (!text.EndsWith('）'))
        {
            return text;
        }
        var (groups, _) = BracketScanner.Scan(text);
        if (groups.Count == 0 || groups[^1] is not { Start: > 0 } last || last.End != text.Length - 1
            || !PatternTimeout.Use(LeadRule()).IsMatch(text[(last.Start + 1)..last.End]))
        {
            return text;
        }
        state.LeadRule = true;
        return text[..last.Start];
    }

    private static bool IsStandingLocalRule(string text) =>
        PartyNames.MentionsLocalPlace(text) && PatternTimeout.Use(LocalDuty()).IsMatch(text) && PatternTimeout.Use(Onward()).IsMatch(text);

    private static bool ReadNames(string clause, bool markedLead, AgencyCatalog catalog, State state)
    {
        // "X、Y牵头" marks every name in the clause, so the clause ending is read before splitting.
        clause = StripEndings(clause, state, out var clauseLead);
        foreach (var piece in KeepLocalPhrase(BracketScanner.SplitTopLevel(clause, "、")).SelectMany(SplitConjunction))
        {
            var name = StripEndings(piece, state, out var pieceLead);
            if (name.Length == 0)
            {
                continue;
            }
            if (name.Length > MaxItemLength)
            {
                return false;
            }
            var agency = catalog.Resolve(name);
            if (agency is null && PartyNames.IsGenericReference(name))
            {
                state.OpenEnded = true;
                state.GenericNames++;
                continue;
            }
            if (agency is null && PartyNames.IsLocalGovernment(name))
            {
                state.Locals.Add(name);
                continue;
            }
            var kind = agency is not null || PartyNames.LooksLikeAgency(name) ? ItemKind.Agency : ItemKind.Party;
            state.Items.Add(new Item(name, agency, kind, markedLead || clauseLead || pieceLead));
        }
        return true;
    }

    // 和/及 join names only before a class of parties (…等和各省级人民政府, 市级各有关部门及各县市区政府); 文化和旅游部 stays whole.
    private static IEnumerable<string> SplitConjunction(string piece) => PatternTimeout.Use(Conjunction()).Split(piece);

    // 各市、县（市、区）and 各县、市、区政府 are one phrase each, not names: the levels after 各 are joined to it.
    private static IEnumerable<string> KeepLocalPhrase(IReadOnlyList<string> pieces)
    {
        for (var i = 0; i < pieces.Count; i++)
        {
            var phrase = pieces[i];
            if (PatternTimeout.Use(EachLevel()).IsMatch(phrase))
            {
                while (i + 1 < pieces.Count && PatternTimeout.Use(BareLevel()).IsMatch(pieces[i + 1]))
                {
                    phrase += "、" + pieces[++i];
                    if (!PatternTimeout.Use(BareLevel()).Match(pieces[i]).Groups["open"].Success)
                    {
                        break;
                    }
                }
            }
            yield return phrase;
        }
    }

    private static string StripEndings(string text, State state, out bool markedLead)
    {
        markedLead = false;
        string before;
        do
        {
            before = text;
            if (PatternTimeout.Use(DutyEnding()).Match(text) is { Success: true } duty)
            {
                state.Role(duty.Groups["duty"].Value);
                text = text[..duty.Index];
            }
            if (text.EndsWith("牵头", StringComparison.Ordinal))
            {
                text = text[..^2];
                markedLead = true;
                state.Role("牵头");
            }
            if (PatternTimeout.Use(SupportEnding()).Match(text) is { Success: true } support)
            {
                state.Role(support.Value);
                text = text[..support.Index];
            }
            if (PatternTimeout.Use(EtcEnding()).Match(text) is { Success: true } etc)
            {
                state.OpenEnded = true;
                text = text[..etc.Index];
            }
        }
        while (text != before && text.Length > 0);
        return text;
    }

    private static AgencyList Assemble(State state)
    {
        var notes = new List<string>();
        var agencies = new List<Item>();
        foreach (var item in state.Items.Where(i => i.Kind == ItemKind.Agency))
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
        if (marked.Count > 0 && state.LeadRule && marked[0] != agencies[0])
        {
            notes.Add($"列第一位的“{agencies[0].Written}”与标明牵头的“{marked[0].Written}”不一致，已以标明牵头者为准，请确认。"
                + $"(The first-listed '{agencies[0].Written}' differs from '{marked[0].Written}', which is marked 牵头; the marked one is taken as lead. Please confirm.)");
        }
        var leads = marked.Count > 0 ? marked : lead is null ? [] : [lead];
        return new AgencyList(
            lead is null ? null : ToRef(lead),
            [.. leads.Select(ToRef)],
            [.. agencies.Where(a => a != lead).Select(ToRef)],
            [.. state.Items.Where(i => i.Kind == ItemKind.Party).Select(i => i.Written).Distinct(StringComparer.Ordinal)],
            state.OpenEnded,
            [.. state.Locals.Distinct(StringComparer.Ordinal)],
            state.Roles,
            state.LocalClause || state.Locals.Count > 0,
            state.LocalOnward,
            state.OpenOnward,
            state.LeadRule,
            notes);
    }

    private static AgencyRef ToRef(Item item) => new(item.Written, item.Agency?.Id, item.Agency?.Name);

    [GeneratedRegex("各(省|市|县|区)$", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex EachLevel();

    // 县（市、区） or 区政府 ends the phrase; a bare 市 leaves it open for the next level (各县、市、区政府).
    [GeneratedRegex("^(省|市|县|区|乡|镇)(?:(（[^）]*）|〔[^〕]*〕|人民政府|政府)|(?<open>))$", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex BareLevel();

    [GeneratedRegex("^(以下同|下同|同上|不再(?:单独|一一|另行)?列出|(?<duty>按职责分工负责|按职责分工落实|按职责分工配合|按职责负责|分工负责|共同负责|分别负责|负责|指导|牵头负责)|各司其职)$",
        RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex Note();

    [GeneratedRegex("(第一|首位|首个|第1)[^，。；]{0,8}(为|是)?牵头", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex LeadRule();

    [GeneratedRegex("落实|实施|执行|贯彻|推进|涉及", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex LocalDuty();

    [GeneratedRegex("以下|下同|均需|均要|均应|不再列出", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex Onward();

    [GeneratedRegex("(^|，)(以下|下)同(，|$)", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex SameBelow();

    /// <summary>The keys that introduce who does a measure (牵头单位：, 责任单位：, 部门分工：, 协同责任单位：), and a lead key
    /// that says what the unit leads (牵头考核单位：, 牵头推进单位：).</summary>
    internal const string Labels = "牵头责任单位|协同责任单位|牵头[\\u4E00-\\u9FFF]{2}单位|牵头单位|牵头部门|责任单位|责任部门|负责单位|负责部门|主责单位|主责部门|实施单位|配合单位|配合部门|参与单位|协办单位|部门分工|责任分工";

    [GeneratedRegex("^(?<label>" + Labels + ")[：:]", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex Label();

    // 牵头单位：市商务局  责任单位：… often has only spaces between the two keys.
    [GeneratedRegex("(?<=.)(?<!牵头|协同)(?=(" + Labels + ")[：:])", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex LabelStart();

    [GeneratedRegex("^[\\u4E00-\\u9FFF]{2,8}[：:]", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex OtherKey();

    // 年内持续推进, 2020年底前完成, 5月底取得阶段性成效并持续推进, 6月份取得明显成效, 按进度推进: when, not who.
    [GeneratedRegex("^(年内|年底前|年中|上半年|下半年|长期|持续|逐步|按进度|[0-9]{4}年[^，。；]{0,8}前|[0-9一二三四五六七八九十]{1,2}月(底|份|中旬|上旬|下旬)?前?)[\\u4E00-\\u9FFF]{0,14}$",
        RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex Term();

    [GeneratedRegex("^(?<names>.+?)(为|是)牵头(单位|部门)$", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex DeclaredLead();

    [GeneratedRegex("(?<duty>按职责分工负责|按职责分工落实|按职责分工配合|按职责负责|分工负责|共同负责|分别负责|具体负责|负责落实|负责|落实|指导)$",
        RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex DutyEnding();

    [GeneratedRegex("(配合|参与|协同|协助|协办|支持)$", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex SupportEnding();

    // The words after 等 that name no one: 等, 等部门, 等有关部门, and with the level written, 等省有关部门 / 等市级相关单位.
    private const string EtcTail = "等(?:(?:省级|市级|县级|区级|省直|市直|国家|省|市|县|区)?(?:有关|相关)(?:部门|单位)?|部门|单位)?";

    [GeneratedRegex(EtcTail + "(和单位)?$", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex EtcEnding();

    [GeneratedRegex("(?<=" + EtcTail + ")(?:和|及|以及)|(?:和|及|以及)(?=各|有关|相关|试点)", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex Conjunction();
}
