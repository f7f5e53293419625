using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyFlow.Engine.Activities;

namespace PolicyFlow.Engine.Definitions;

/// <summary>Finds every defect of a definition, each with its JSON path; a definition with any is never stored.</summary>
public sealed class DefinitionValidator(ActivityRegistry registry)
{
    private static readonly string[] VariableTypes = ["string", "integer", "number", "boolean", "datetime", "object", "array", "any"];

    /// <summary>Parses and checks <paramref name="json"/>; returns the definition only when there is no defect.</summary>
    public WorkflowDefinition Parse(string json)
    {
        var errors = new List<DefinitionError>();
        var definition = Check(json, errors);
        return errors.Count == 0 && definition is not null ? definition : throw new InvalidDefinitionException(errors);
    }

    private WorkflowDefinition? Check(string json, List<DefinitionError> errors)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            errors.Add(new DefinitionError("$", $"not valid JSON: {ex.Message}"));
            return null;
        }
        if (root is not JsonObject obj)
        {
            errors.Add(new DefinitionError("$", "a definition must be a JSON object"));
            return null;
        }
        RequireString(obj, "id", "$", errors);
        RequireString(obj, "name", "$", errors);
        if (!CheckShape(obj, errors))
        {
            return null;
        }
        var definition = obj.Deserialize<WorkflowDefinition>(DefinitionJson.Options)!;
        CheckVariables(definition, errors);
        var ids = CheckActivities(definition, errors);
        CheckConnections(definition, ids, errors);
        if (errors.Count == 0)
        {
            CheckGraph(definition, errors);
        }
        return definition;
    }

    /// <summary>Checks the arrays and their items; false when they are too broken to read further.</summary>
    private static bool CheckShape(JsonObject obj, List<DefinitionError> errors)
    {
        var before = errors.Count;
        if (obj["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var id) && !IsSlug(id))
        {
            errors.Add(new DefinitionError("$.id", "id may use only letters, digits, '-', '_' and '.', at most 100 characters"));
        }
        foreach (var (name, itemFields) in new[] { ("activities", new[] { "id", "type" }), ("connections", new[] { "from", "outcome", "to" }), ("variables", new[] { "name" }) })
        {
            var node = obj[name];
            if (node is null && name == "variables")
            {
                continue;
            }
            if (node is not JsonArray array)
            {
                errors.Add(new DefinitionError($"$.{name}", $"'{name}' must be an array"));
                continue;
            }
            for (var i = 0; i < array.Count; i++)
            {
                var path = $"$.{name}[{i}]";
                if (array[i] is not JsonObject item)
                {
                    errors.Add(new DefinitionError(path, "must be an object"));
                    continue;
                }
                foreach (var field in itemFields)
                {
                    RequireString(item, field, path, errors);
                }
                if (name == "activities" && item["properties"] is { } props && props is not JsonObject)
                {
                    errors.Add(new DefinitionError($"{path}.properties", "properties must be an object"));
                }
            }
        }
        return errors.Skip(before).All(e => e.Path == "$.id");
    }

    private static void CheckVariables(WorkflowDefinition definition, List<DefinitionError> errors)
    {
        var seen = new HashSet<string>();
        for (var i = 0; i < definition.Variables.Count; i++)
        {
            var variable = definition.Variables[i];
            if (!seen.Add(variable.Name))
            {
                errors.Add(new DefinitionError($"$.variables[{i}].name", $"variable '{variable.Name}' is declared twice"));
            }
            if (!VariableTypes.Contains(variable.Type))
            {
                errors.Add(new DefinitionError($"$.variables[{i}].type", $"unknown variable type '{variable.Type}'; use one of {string.Join(", ", VariableTypes)}"));
            }
        }
    }

    private Dictionary<string, int> CheckActivities(WorkflowDefinition definition, List<DefinitionError> errors)
    {
        var ids = new Dictionary<string, int>();
        var starts = 0;
        for (var i = 0; i < definition.Activities.Count; i++)
        {
            var node = definition.Activities[i];
            var path = $"$.activities[{i}]";
            if (!ids.TryAdd(node.Id, i))
            {
                errors.Add(new DefinitionError($"{path}.id", $"duplicate activity id '{node.Id}' (first at $.activities[{ids[node.Id]}])"));
            }
            if (!registry.TryGet(node.Type, out var activity))
            {
                errors.Add(new DefinitionError($"{path}.type", $"unknown activity type '{node.Type}'"));
                continue;
            }
            starts += node.Type == "Start" ? 1 : 0;
            foreach (var property in activity.Descriptor.Properties)
            {
                CheckProperty(node.Properties[property.Name], property, $"{path}.properties.{property.Name}", errors);
            }
            foreach (var name in node.Properties.Select(p => p.Key).Where(n => activity.Descriptor.Properties.All(p => p.Name != n)))
            {
                errors.Add(new DefinitionError($"{path}.properties.{name}", $"'{node.Type}' has no property '{name}'"));
            }
            errors.AddRange(activity.Validate(node, path));
        }
        if (starts != 1)
        {
            errors.Add(new DefinitionError("$.activities", starts == 0 ? "there is no Start activity" : $"there are {starts} Start activities; exactly one is allowed"));
        }
        return ids;
    }

    private static void CheckProperty(JsonNode? value, PropertyDescriptor property, string path, List<DefinitionError> errors)
    {
        if (value is null)
        {
            if (property.Required)
            {
                errors.Add(new DefinitionError(path, $"required property '{property.Name}' is missing"));
            }
            return;
        }
        if (value is JsonObject reference && reference.Count == 1 && reference["var"] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            return; // read from a variable at run time
        }
        var kind = value.GetValueKind();
        var ok = property.Type switch
        {
            PropertyType.String => kind == JsonValueKind.String,
            PropertyType.Integer => kind == JsonValueKind.Number && value.AsValue().TryGetValue<long>(out _),
            PropertyType.Number => kind == JsonValueKind.Number,
            PropertyType.Boolean => kind is JsonValueKind.True or JsonValueKind.False,
            PropertyType.StringList => value is JsonArray a && a.All(x => x?.GetValueKind() == JsonValueKind.String),
            PropertyType.DateTime => kind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _),
            PropertyType.Object => kind == JsonValueKind.Object,
            _ => true,
        };
        if (!ok)
        {
            errors.Add(new DefinitionError(path, $"'{property.Name}' must be {Describe(property.Type)}, not {kind.ToString().ToLowerInvariant()}"));
        }
    }

    private static string Describe(PropertyType type) => type switch
    {
        PropertyType.StringList => "an array of strings",
        PropertyType.DateTime => "an ISO 8601 date-time string",
        PropertyType.Integer => "an integer",
        _ => "a " + type.ToString().ToLowerInvariant(),
    };

    private void CheckConnections(WorkflowDefinition definition, Dictionary<string, int> ids, List<DefinitionError> errors)
    {
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < definition.Connections.Count; i++)
        {
            var c = definition.Connections[i];
            var path = $"$.connections[{i}]";
            if (!ids.TryGetValue(c.From, out var fromIndex))
            {
                errors.Add(new DefinitionError($"{path}.from", $"connection starts at unknown activity '{c.From}'"));
            }
            if (!ids.ContainsKey(c.To))
            {
                errors.Add(new DefinitionError($"{path}.to", $"connection leads to unknown activity '{c.To}'"));
            }
            if (!seen.Add((c.From, c.Outcome)))
            {
                errors.Add(new DefinitionError($"{path}.outcome", $"outcome '{c.Outcome}' of '{c.From}' is connected twice; use a Fork for parallel paths"));
            }
            if (ids.ContainsKey(c.From) && registry.TryGet(definition.Activities[fromIndex].Type, out var activity)
                && activity.OutcomesOf(definition.Activities[fromIndex]) is { } outcomes && !outcomes.Contains(c.Outcome))
            {
                errors.Add(new DefinitionError($"{path}.outcome",
                    $"'{c.From}' ({definition.Activities[fromIndex].Type}) has no outcome '{c.Outcome}'; it has: {(outcomes.Count == 0 ? "none" : string.Join(", ", outcomes))}"));
            }
        }
    }

    /// <summary>Every activity reachable from Start; no cycle that could spin without waiting.</summary>
    private void CheckGraph(WorkflowDefinition definition, List<DefinitionError> errors)
    {
        var next = definition.Activities.ToDictionary(a => a.Id, a => definition.Connections.Where(c => c.From == a.Id).Select(c => c.To).ToList());
        var start = definition.Activities.First(a => a.Type == "Start").Id;
        var reached = new HashSet<string> { start };
        var stack = new Stack<string>([start]);
        while (stack.TryPop(out var id))
        {
            foreach (var to in next[id].Where(reached.Add))
            {
                stack.Push(to);
            }
        }
        for (var i = 0; i < definition.Activities.Count; i++)
        {
            if (!reached.Contains(definition.Activities[i].Id))
            {
                errors.Add(new DefinitionError($"$.activities[{i}]", $"activity '{definition.Activities[i].Id}' cannot be reached from Start"));
            }
        }
        foreach (var cycle in StronglyConnected(definition.Activities.Select(a => a.Id), next))
        {
            var waits = cycle.Any(id => registry.TryGet(definition.Find(id)!.Type, out var a) && a.Descriptor.Waits);
            if (!waits)
            {
                var first = definition.Activities.ToList().FindIndex(a => cycle.Contains(a.Id));
                errors.Add(new DefinitionError($"$.activities[{first}]",
                    $"loop {string.Join(" → ", cycle)} has no waiting activity (task, timer or children) and would never stop"));
            }
        }
    }

    /// <summary>Tarjan's algorithm: the cycles (components of more than one node, or a node linked to itself).</summary>
    private static List<List<string>> StronglyConnected(IEnumerable<string> nodes, Dictionary<string, List<string>> next)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var onStack = new HashSet<string>();
        var stack = new Stack<string>();
        var result = new List<List<string>>();
        var counter = 0;

        void Visit(string v)
        {
            index[v] = low[v] = counter++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in next[v])
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }
            if (low[v] != index[v])
            {
                return;
            }
            var component = new List<string>();
            string popped;
            do
            {
                popped = stack.Pop();
                onStack.Remove(popped);
                component.Add(popped);
            }
            while (popped != v);
            if (component.Count > 1 || next[v].Contains(v))
            {
                component.Reverse();
                result.Add(component);
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }
        return result;
    }

    private static void RequireString(JsonObject obj, string field, string path, List<DefinitionError> errors)
    {
        if (obj[field] is not JsonValue v || v.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetValue<string>()))
        {
            errors.Add(new DefinitionError($"{path}.{field}", obj[field] is null ? $"'{field}' is missing" : $"'{field}' must be a non-empty string"));
        }
    }

    private static bool IsSlug(string id) => id.Length <= 100 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
