namespace PolicyFlow.Engine.Tests.Support;

/// <summary>Definitions the engine tests run, as the JSON a designer would save.</summary>
public static class Flows
{
    /// <summary>fork → two human tasks → join → end, as checked in under workflows/examples.</summary>
    public static readonly string ForkJoin = File.ReadAllText(PolicyFlow.Testing.RepositoryRoot.Combine("workflows", "examples", "fork-join.json"));

    /// <summary>A task, then a review that either accepts or returns it for rework (a loop through a waiting task).</summary>
    public const string Review = """
    {
      "id": "review", "name": "Submit and review",
      "variables": [ { "name": "review", "type": "object" } ],
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "submit", "type": "HumanTask", "properties": { "title": "Submit", "assignee": "co" } },
        { "id": "check", "type": "HumanTask", "properties": { "title": "Review", "assignee": "lead", "outcomes": ["Accept", "Return"], "resultVariable": "review" } },
        { "id": "end", "type": "End" }
      ],
      "connections": [
        { "from": "start", "outcome": "Done", "to": "submit" },
        { "from": "submit", "outcome": "Done", "to": "check" },
        { "from": "check", "outcome": "Accept", "to": "end" },
        { "from": "check", "outcome": "Return", "to": "submit" }
      ]
    }
    """;

    public const string Child = """
    {
      "id": "child", "name": "Child",
      "variables": [ { "name": "item", "type": "string" } ],
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "work", "type": "HumanTask", "properties": { "title": "Work {{item}}", "assignee": "{{item}}" } }
      ],
      "connections": [ { "from": "start", "outcome": "Done", "to": "work" } ]
    }
    """;

    public static string Parent(int? required = null) => $$"""
    {
      "id": "parent", "name": "Parent",
      "variables": [ { "name": "regions", "type": "array", "default": ["r1", "r2", "r3"] } ],
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "children", "type": "RunChildren", "properties": { "definitionId": "child", "items": { "var": "regions" }{{(required is null ? "" : $", \"required\": {required}")}} } },
        { "id": "report", "type": "HumanTask", "properties": { "title": "Report", "assignee": "province" } }
      ],
      "connections": [
        { "from": "start", "outcome": "Done", "to": "children" },
        { "from": "children", "outcome": "Done", "to": "report" }
      ]
    }
    """;

    public const string Delay = """
    {
      "id": "delay", "name": "Delay",
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "wait", "type": "Delay", "properties": { "duration": "P3D" } },
        { "id": "task", "type": "HumanTask", "properties": { "title": "After three days", "assignee": "x" } }
      ],
      "connections": [ { "from": "start", "outcome": "Done", "to": "wait" }, { "from": "wait", "outcome": "Done", "to": "task" } ]
    }
    """;

    /// <summary>One path plans a timer and waits; the other ends the instance in the same burst.</summary>
    public const string DelayThenEnd = """
    {
      "id": "delay-then-end", "name": "Delay then end",
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "fork", "type": "Fork" },
        { "id": "wait", "type": "Delay", "properties": { "duration": "P3D" } },
        { "id": "task", "type": "HumanTask", "properties": { "title": "After three days", "assignee": "x" } },
        { "id": "end", "type": "End" }
      ],
      "connections": [
        { "from": "start", "outcome": "Done", "to": "fork" },
        { "from": "fork", "outcome": "Later", "to": "wait" },
        { "from": "fork", "outcome": "Now", "to": "end" },
        { "from": "wait", "outcome": "Done", "to": "task" }
      ]
    }
    """;

    public const string Flaky = """
    {
      "id": "flaky", "name": "Flaky",
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "call", "type": "Flaky" },
        { "id": "task", "type": "HumanTask", "properties": { "title": "After the call", "assignee": "x" } }
      ],
      "connections": [ { "from": "start", "outcome": "Done", "to": "call" }, { "from": "call", "outcome": "Done", "to": "task" } ]
    }
    """;
}
