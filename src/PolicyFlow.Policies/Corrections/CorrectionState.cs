using PolicyFlow.Directories;
using static PolicyFlow.Policies.Corrections.PreviewCorrections;

namespace PolicyFlow.Policies.Corrections;

/// <summary>The measures and non-measures while corrections are applied; each method checks, then changes.</summary>
internal sealed class CorrectionState(PolicyPreview preview, IReadOnlyList<string> lines, AgencyCatalog catalog)
{
    private readonly List<MeasurePreview> _measures = [.. preview.Measures];
    private readonly List<NonMeasurePreview> _nonMeasures = [.. preview.NonMeasures];

    public PolicyPreview ToPreview() => preview with
    {
        Measures = [.. _measures.Select((m, i) => m with { Number = i + 1 })],
        NonMeasures = [.. _nonMeasures.OrderBy(n => n.Line)],
    };

    public CorrectionChange Apply(PolicyCorrection c) => c.Kind switch
    {
        CorrectionKind.Title => SetTitle(c),
        CorrectionKind.Lead => SetLead(c),
        CorrectionKind.CoAgencies => SetCoAgencies(c),
        CorrectionKind.NotMeasure => MarkNotMeasure(c),
        CorrectionKind.Measure => MarkMeasure(c),
        CorrectionKind.Split => Split(c),
        CorrectionKind.Merge => Merge(c),
        _ => throw new CorrectionRefusal($"未知的更正类型 {c.Kind}。 Unknown correction kind {c.Kind}."),
    };

    private CorrectionChange SetTitle(PolicyCorrection c)
    {
        var (index, m) = Find(c.Measure);
        var title = Required(c.Title, MaxTitle, "标题", "title");
        _measures[index] = m with { Title = title };
        return new CorrectionChange(c.Kind, m.Label, m.Title, title);
    }

    private CorrectionChange SetLead(PolicyCorrection c)
    {
        var (index, m) = Find(c.Measure);
        var lead = Agency(Required(c.Lead, MaxName, "牵头单位", "lead agency"));
        _measures[index] = m with { Lead = lead, Leads = [lead], CoAgencies = [.. m.CoAgencies.Where(a => !Same(a, lead))] };
        return new CorrectionChange(c.Kind, m.Label, m.Lead?.WrittenName ?? "—", lead.WrittenName);
    }

    private CorrectionChange SetCoAgencies(PolicyCorrection c)
    {
        var (index, m) = Find(c.Measure);
        var co = CoAgencies(c.CoAgencies ?? [], m.Lead);
        _measures[index] = m with { CoAgencies = co };
        return new CorrectionChange(c.Kind, m.Label, Names(m.CoAgencies), Names(co));
    }

    private CorrectionChange MarkNotMeasure(PolicyCorrection c)
    {
        var (index, m) = Find(c.Measure);
        var reason = Required(c.Reason, MaxReason, "理由", "reason");
        if (_measures.Count == 1)
        {
            throw new CorrectionRefusal("至少要保留一项措施。 At least one measure must remain.");
        }
        _measures.RemoveAt(index);
        _nonMeasures.Add(new NonMeasurePreview(m.Label, m.Title,
            $"政策处标记为非措施：{reason} (Marked not a measure by the policy office: {reason})", m.Line));
        return new CorrectionChange(c.Kind, m.Label, "措施 measure", "非措施 not a measure");
    }

    private CorrectionChange MarkMeasure(PolicyCorrection c)
    {
        if (c.Line is not { } line)
        {
            throw new CorrectionRefusal("请给出要作为措施的条目所在行（line）。 Give the line of the item to take as a measure.");
        }
        var found = _nonMeasures.FindAll(n => n.Line == line);
        if (found.Count != 1)
        {
            throw new CorrectionRefusal(found.Count == 0
                ? $"第 {Number(line)} 行没有非措施条目。 No non-measure item is at line {Number(line)}."
                : $"第 {Number(line)} 行有多个非措施条目，请先分别处理。 Several non-measure items are at line {Number(line)}.");
        }
        var item = found[0];
        var lead = Agency(Required(c.Lead, MaxName, "牵头单位", "lead agency"));
        var co = CoAgencies(c.CoAgencies ?? [], lead);
        var title = c.Title is null ? item.Title : Required(c.Title, MaxTitle, "标题", "title");
        var measure = new MeasurePreview(0, item.Label, null, null, title, BodyOf(line), lead, co, [], false, null, item.Label, [lead],
            false, [], [], line);
        _nonMeasures.Remove(item);
        var at = _measures.FindIndex(m => m.Line > line);
        _measures.Insert(at < 0 ? _measures.Count : at, measure);
        return new CorrectionChange(c.Kind, item.Label, "非措施 not a measure", "措施 measure");
    }

    private CorrectionChange Split(PolicyCorrection c)
    {
        var (index, m) = Find(c.Measure);
        var paragraphs = m.Body.Split('\n');
        if (c.At is not { } at || at < 2 || at > paragraphs.Length)
        {
            throw new CorrectionRefusal(paragraphs.Length < 2
                ? $"{m.Label} 只有一段正文，无法拆分。 {m.Label} has one paragraph and cannot be split."
                : $"拆分位置（at）须在第 2 至第 {Number(paragraphs.Length)} 段之间。 The split (at) must be a paragraph from 2 to {Number(paragraphs.Length)}.");
        }
        var second = string.Join('\n', paragraphs[(at - 1)..]);
        var title = c.Title is null ? FirstSentence(second) : Required(c.Title, MaxTitle, "标题", "title");
        _measures[index] = m with { Body = string.Join('\n', paragraphs[..(at - 1)]), Label = m.Label + "-1" };
        _measures.Insert(index + 1, m with { Body = second, Title = title, Label = m.Label + "-2" });
        return new CorrectionChange(c.Kind, m.Label, m.Label, $"{m.Label}-1、{m.Label}-2");
    }

    private CorrectionChange Merge(PolicyCorrection c)
    {
        var (index, m) = Find(c.Measure);
        var (next, n) = Find(c.With);
        if (next != index + 1)
        {
            throw new CorrectionRefusal(
                $"只能合并相邻的两项措施：第 {Number(index + 1)} 项与第 {Number(next + 1)} 项不相邻（with 应为 {Number(index + 2)}）。"
                + $" Only adjacent measures can be merged: {Number(index + 1)} and {Number(next + 1)} are not next to each other (with must be {Number(index + 2)}).");
        }
        var co = m.CoAgencies.Concat(n.CoAgencies).Append(n.Lead).OfType<AgencyRef>()
            .Where(a => m.Lead is null || !Same(a, m.Lead)).DistinctBy(Key).ToList();
        _measures[index] = m with
        {
            Body = m.Body + "\n" + n.Body,
            Label = $"{m.Label}、{n.Label}",
            CoAgencies = co,
            SpecialParties = [.. m.SpecialParties.Union(n.SpecialParties)],
            LocalImplementation = m.LocalImplementation || n.LocalImplementation,
            LocalGovernments = [.. m.LocalGovernments.Union(n.LocalGovernments)],
            OpenEnded = m.OpenEnded || n.OpenEnded,
            AgencyListText = string.Join("；", new[] { m.AgencyListText, n.AgencyListText }.OfType<string>()),
        };
        _measures.RemoveAt(next);
        return new CorrectionChange(c.Kind, m.Label, $"{m.Label}、{n.Label}", $"{m.Label}、{n.Label}");
    }

    private (int Index, MeasurePreview Measure) Find(int? number)
    {
        if (number is not { } n || n < 1 || n > _measures.Count)
        {
            var given = number is { } x ? Number(x) : "（未填）";
            throw new CorrectionRefusal(
                $"措施 {given} 不存在：请填写 1 至 {Number(_measures.Count)} 之间的措施序号。 Measure {given} does not exist: give a measure number from 1 to {Number(_measures.Count)}.");
        }
        return (n - 1, _measures[n - 1]);
    }

    private IReadOnlyList<AgencyRef> CoAgencies(IReadOnlyList<string> names, AgencyRef? lead)
    {
        if (names.Count > MaxCoAgencies)
        {
            throw new CorrectionRefusal($"配合单位最多 {Number(MaxCoAgencies)} 个。 At most {Number(MaxCoAgencies)} co-agencies.");
        }
        var co = new List<AgencyRef>();
        foreach (var name in names)
        {
            var agency = Agency(Required(name, MaxName, "配合单位", "co-agency"));
            if (lead is not null && Same(agency, lead))
            {
                throw new CorrectionRefusal($"“{agency.WrittenName}”是牵头单位，不能同时是配合单位。 '{agency.WrittenName}' is the lead and cannot also be a co-agency.");
            }
            if (co.Any(a => Same(a, agency)))
            {
                throw new CorrectionRefusal($"配合单位“{agency.WrittenName}”重复。 Co-agency '{agency.WrittenName}' is listed twice.");
            }
            co.Add(agency);
        }
        return co;
    }

    private AgencyRef Agency(string name)
    {
        var agency = catalog.Find(name) ?? catalog.Resolve(name);
        return agency is null ? new AgencyRef(name, null, null) : new AgencyRef(name, agency.Id, agency.Name);
    }

    private static string Required(string? value, int max, string zh, string en)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new CorrectionRefusal($"{zh}不能为空。 The {en} cannot be empty.");
        }
        return text.Length <= max ? text
            : throw new CorrectionRefusal($"{zh}超过 {Number(max)} 个字符。 The {en} is longer than {Number(max)} characters.");
    }

    // The item's text: from its line to the next numbered item the preview knows of.
    private string BodyOf(int line)
    {
        var next = _measures.Select(m => m.Line).Concat(_nonMeasures.Select(n => n.Line)).Where(l => l > line).DefaultIfEmpty(lines.Count + 1).Min();
        return Paragraphs.Join(string.Join('\n', lines.Skip(line - 1).Take(next - line)));
    }

    private static string FirstSentence(string body)
    {
        var stop = body.IndexOfAny(['。', '；', '\n']);
        var sentence = stop > 0 ? body[..stop] : body;
        return sentence.Length <= 60 ? sentence : sentence[..60];
    }

    private static bool Same(AgencyRef a, AgencyRef b) => Key(a) == Key(b);

    private static string Key(AgencyRef a) => a.AgencyId ?? a.WrittenName;

    private static string Names(IReadOnlyList<AgencyRef> agencies) => agencies.Count == 0 ? "—" : string.Join("、", agencies.Select(a => a.WrittenName));
}
