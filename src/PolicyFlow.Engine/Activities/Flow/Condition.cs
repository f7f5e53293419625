using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PolicyFlow.Engine.Activities.Flow;

/// <summary>A comparison <c>variable op literal</c>, e.g. <c>score &gt;= 60</c> or <c>decision == "Return"</c>.</summary>
internal sealed partial record Condition(string Variable, string Operator, JsonNode? Literal)
{
    public static bool TryParse(string? text, out Condition? condition)
    {
        condition = null;
        var match = text is null ? Match.Empty : Shape().Match(text);
        if (!match.Success)
        {
            return false;
        }
        try
        {
            condition = new Condition(match.Groups[1].Value, match.Groups[2].Value, JsonNode.Parse(match.Groups[3].Value));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public bool Evaluate(JsonNode? value)
    {
        if (Operator is "==" or "!=")
        {
            var equal = JsonNode.DeepEquals(value, Literal);
            return Operator == "==" ? equal : !equal;
        }
        if (!TryNumber(value, out var left) || !TryNumber(Literal, out var right))
        {
            return false;
        }
        return Operator switch
        {
            ">" => left > right,
            ">=" => left >= right,
            "<" => left < right,
            _ => left <= right,
        };
    }

    private static bool TryNumber(JsonNode? node, out double number)
    {
        number = 0;
        return node is JsonValue v && (v.TryGetValue(out number)
            || (v.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out number)));
    }

    [GeneratedRegex(@"^\s*([A-Za-z_][\w.]*)\s*(==|!=|>=|<=|>|<)\s*(.+?)\s*$")]
    private static partial Regex Shape();
}
