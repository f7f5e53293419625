namespace PolicyFlow.Host.Tests.Studio;

/// <summary>Definitions the Studio tests seed; each test gives its own id so tests never see each other's tasks.</summary>
internal static class StudioFlows
{
    /// <summary>start → fork → two human tasks → join → end, with Chinese titles and a due date.</summary>
    public static string ForkJoin(string id, string tag) => $$"""
    {
      "id": "{{id}}", "name": "并行办理 {{tag}}",
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "fork", "type": "Fork" },
        { "id": "a", "type": "HumanTask", "properties": { "title": "制定实施方案 {{tag}}", "assignee": "省经信厅-{{tag}}", "instructions": "请于期限内提交实施方案。", "dueAt": "2099-12-31T17:00:00+08:00" } },
        { "id": "b", "type": "HumanTask", "properties": { "title": "配合落实 {{tag}}", "assignee": "省人力社保厅-{{tag}}" } },
        { "id": "join", "type": "Join" },
        { "id": "end", "type": "End" }
      ],
      "connections": [
        { "from": "start", "outcome": "Done", "to": "fork" },
        { "from": "fork", "outcome": "A", "to": "a" },
        { "from": "fork", "outcome": "B", "to": "b" },
        { "from": "a", "outcome": "Done", "to": "join" },
        { "from": "b", "outcome": "Done", "to": "join" },
        { "from": "join", "outcome": "Done", "to": "end" }
      ]
    }
    """;

    /// <summary>A task whose due date comes from a variable that is not a date: the instance faults at "review".</summary>
    public static string Broken(string id) => $$"""
    {
      "id": "{{id}}", "name": "故障示例",
      "variables": [ { "name": "due", "type": "string", "default": "下周五" } ],
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "review", "type": "HumanTask", "properties": { "title": "审核", "assignee": "省经信厅", "dueAt": { "var": "due" } } },
        { "id": "end", "type": "End" }
      ],
      "connections": [
        { "from": "start", "outcome": "Done", "to": "review" },
        { "from": "review", "outcome": "Done", "to": "end" }
      ]
    }
    """;

    /// <summary>One agency step (AssignTask) for 省经信厅: assigning it writes a TaskAssigned mail in the same burst.</summary>
    public static string AgencyStep(string id, string tag) => $$"""
    {
      "id": "{{id}}", "name": "交办示例 {{tag}}",
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "plan", "type": "AssignTask", "properties": { "assignee": "jx-330000", "step": "plan", "title": "制定实施方案 {{tag}}", "due": { "at": "2099-12-31" } } },
        { "id": "end", "type": "End" }
      ],
      "connections": [
        { "from": "start", "outcome": "Done", "to": "plan" },
        { "from": "plan", "outcome": "Done", "to": "end" }
      ]
    }
    """;

    /// <summary>start → fork → a task for 上城区经信局 (jx-330102) and one for 省科技厅 (kj-330000) → join → end.</summary>
    public static string TwoAgencies(string id, string tag) => $$"""
    {
      "id": "{{id}}", "name": "两级办理 {{tag}}",
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "fork", "type": "Fork" },
        { "id": "a", "type": "HumanTask", "properties": { "title": "区级落实 {{tag}}", "assignee": "jx-330102" } },
        { "id": "b", "type": "HumanTask", "properties": { "title": "省级配合 {{tag}}", "assignee": "kj-330000" } },
        { "id": "join", "type": "Join" },
        { "id": "end", "type": "End" }
      ],
      "connections": [
        { "from": "start", "outcome": "Done", "to": "fork" },
        { "from": "fork", "outcome": "A", "to": "a" },
        { "from": "fork", "outcome": "B", "to": "b" },
        { "from": "a", "outcome": "Done", "to": "join" },
        { "from": "b", "outcome": "Done", "to": "join" },
        { "from": "join", "outcome": "Done", "to": "end" }
      ]
    }
    """;

    public static string NewTag() => Guid.NewGuid().ToString("N")[..6];
}
