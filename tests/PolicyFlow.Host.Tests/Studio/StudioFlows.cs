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

    /// <summary>
    /// The seed's measure (一) as a co-agency step and the lead's review (return goes back to the step), under its own
    /// id: the task page shows the seed policy and measure, and a return assigns the step a second round.
    /// </summary>
    public static string MeasureStep(string id, string tag) => $$"""
    {
      "id": "{{id}}", "name": "措施落实 {{tag}}",
      "variables": [
        { "name": "policyId", "type": "string", "default": "p2024-151-d27fde" },
        { "name": "measureNo", "type": "integer", "default": 1 },
        { "name": "measureTitle", "type": "string", "default": "将工信领域卓越工程师与省级认定体系融合接轨" },
        { "name": "leadAgency", "type": "string", "default": "jx-330000" },
        { "name": "coAgencies", "type": "array", "default": ["rcb-330000"] },
        { "name": "review", "type": "object" }
      ],
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "co", "type": "ForEachAgency", "properties": { "agencies": { "var": "coAgencies" }, "step": "co", "title": "配合落实 {{tag}}", "instructions": "落实本单位职责范围内的工作，并报送落实情况及佐证材料。", "due": { "days": 30, "unit": "working", "from": "created" } } },
        { "id": "review", "type": "AssignTask", "properties": { "assignee": { "var": "leadAgency" }, "step": "review", "outcomes": ["Accept", "Return"], "resultVariable": "review", "reviewOf": { "var": "coAgencies" }, "title": "审核 {{tag}}", "due": { "days": 5, "unit": "working", "from": "created" } } },
        { "id": "end", "type": "End" }
      ],
      "connections": [
        { "from": "start", "outcome": "Done", "to": "co" },
        { "from": "co", "outcome": "Done", "to": "review" },
        { "from": "review", "outcome": "Accept", "to": "end" },
        { "from": "review", "outcome": "Return", "to": "co" }
      ]
    }
    """;

    public static string NewTag() => Guid.NewGuid().ToString("N")[..6];
}
