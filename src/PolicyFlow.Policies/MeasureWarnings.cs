namespace PolicyFlow.Policies;

/// <summary>What a reviewer should check about one measure, prefixed with its label.</summary>
internal static class MeasureWarnings
{
    public static void Add(string label, MeasureText text, bool first, AgencyList? list, string body, List<string> warnings)
    {
        if (first && text.TitleJoined)
        {
            warnings.Add($"{label}：标题跨行，已合并为“{text.Title}”，请核对。({label}: the title was split across lines and has been joined; please check it.)");
        }
        if (first && text.Title.Length == 0)
        {
            warnings.Add($"{label}：没有识别出标题，请填写。({label}: no title recognised; please enter one.)");
        }
        if (body.Trim().Length == 0)
        {
            warnings.Add($"{label}：没有正文。({label}: the measure has no body text.)");
        }
        if (list is null)
        {
            warnings.Add($"{label}：未找到责任单位，牵头单位和配合单位需由政策处填写。({label}: no responsible-agency list found; the policy office must enter the lead and co-agencies.)");
            return;
        }
        if (list.Lead is null)
        {
            warnings.Add($"{label}：责任单位只列出地方或泛指部门，没有省级牵头单位，请政策处指定。({label}: the list names only local governments or unnamed departments and no provincial lead; the policy office must choose one.)");
        }
        foreach (var agency in list.CoAgencies.Prepend(list.Lead).OfType<AgencyRef>().Where(a => !a.IsKnown))
        {
            warnings.Add($"{label}：“{agency.WrittenName}”不是已知单位，已按原文保留，请政策处映射到具体单位。"
                + $"({label}: '{agency.WrittenName}' is not a known agency; it is kept as written for the policy office to map.)");
        }
        foreach (var party in list.SpecialParties)
        {
            warnings.Add($"{label}：“{party}”不是单位，已作为特殊责任方保留，请确定由谁承办。"
                + $"({label}: '{party}' is not an agency but a place or party; it is kept as a special party — decide who acts for it.)");
        }
        warnings.AddRange(list.Notes.Select(n => $"{label}：{n}"));
    }
}
