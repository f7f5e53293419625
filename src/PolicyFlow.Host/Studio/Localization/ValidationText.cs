using System.Text.RegularExpressions;

namespace PolicyFlow.Host.Studio.Localization;

/// <summary>
/// The engine reports defects in English for the API and logs; the designer shows them in the user's language by
/// matching each known message shape. A message of an unknown shape is shown as the engine wrote it.
/// </summary>
internal static class ValidationText
{
    private static readonly (Regex Pattern, string Key)[] Rules =
    [
        (Rx(@"not valid JSON: (.*)"), "Invalid.NotJson"),
        (Rx(@"a definition must be a JSON object"), "Invalid.NotObject"),
        (Rx(@"id may use only letters, .*"), "Invalid.BadId"),
        (Rx(@"'(\w+)' must be an array"), "Invalid.NotArray"),
        (Rx(@"must be an object"), "Invalid.ItemNotObject"),
        (Rx(@"properties must be an object"), "Invalid.PropertiesNotObject"),
        (Rx(@"variable '(.*)' is declared twice"), "Invalid.VariableTwice"),
        (Rx(@"unknown variable type '(.*)'; use one of (.*)"), "Invalid.VariableType"),
        (Rx(@"duplicate activity id '(.*)' \(first at (.*)\)"), "Invalid.DuplicateId"),
        (Rx(@"unknown activity type '(.*)'"), "Invalid.UnknownType"),
        (Rx(@"'(.*)' has no property '(.*)'"), "Invalid.NoSuchProperty"),
        (Rx(@"there is no Start activity"), "Invalid.NoStart"),
        (Rx(@"there are (\d+) Start activities; exactly one is allowed"), "Invalid.ManyStarts"),
        (Rx(@"required property '(.*)' is missing"), "Invalid.Required"),
        (Rx(@"'(\w+)' must be (an? [\w\s-]+?), not (\w+)"), "Invalid.WrongType"),
        (Rx(@"connection starts at unknown activity '(.*)'"), "Invalid.UnknownFrom"),
        (Rx(@"connection leads to unknown activity '(.*)'"), "Invalid.UnknownTo"),
        (Rx(@"outcome '(.*)' of '(.*)' is connected twice; use a Fork for parallel paths"), "Invalid.OutcomeTwice"),
        (Rx(@"'(.*)' \((\w+)\) has no outcome '(.*)'; it has: (.*)"), "Invalid.NoOutcome"),
        (Rx(@"activity '(.*)' cannot be reached from Start"), "Invalid.Unreachable"),
        (Rx(@"loop (.*) has no waiting activity \(task, timer or children\) and would never stop"), "Invalid.Loop"),
        (Rx(@"'(\w+)' is missing"), "Invalid.Missing"),
        (Rx(@"'(\w+)' must be a non-empty string"), "Invalid.EmptyString"),
        (Rx(@"dayOfMonth must be between 1 and 31"), "Invalid.DayOfMonth"),
        (Rx(@"unknown notice kind '(.*)'; use one of (.*)"), "Invalid.NoticeKind"),
        (Rx(@"condition must read .*"), "Invalid.Condition"),
        (Rx(@"duration must be an ISO 8601 duration.*"), "Invalid.Duration"),
        (Rx(@"'days' is required and must be a whole number.*"), "Invalid.DueDays"),
        (Rx(@"'unit' must be ""calendar"" or ""working"", not (.*)"), "Invalid.DueUnit"),
        (Rx(@"'from' must be ""created"" or ""effective"", not (.*)"), "Invalid.DueFrom"),
        (Rx(@"unknown property '(.*)' \(expected (.*)\)"), "Invalid.DueUnknown"),
        (Rx(@"'?(\w+)'? must be between (\d+) and (\d+)"), "Invalid.Range"),
    ];

    private static readonly (string Prefix, string Key)[] Prefixes = [("due rule: ", "Invalid.DueRule"), ("notice plan: ", "Invalid.NoticePlan")];

    /// <summary>The defect in the current UI language.</summary>
    public static string Translate(Loc loc, string message)
    {
        ArgumentNullException.ThrowIfNull(loc);
        ArgumentNullException.ThrowIfNull(message);
        foreach (var (prefix, key) in Prefixes)
        {
            if (message.StartsWith(prefix, StringComparison.Ordinal))
            {
                return loc.Format(key, Translate(loc, message[prefix.Length..]));
            }
        }
        foreach (var (pattern, key) in Rules)
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                var args = match.Groups.Values.Skip(1).Select(g => (object?)loc.Of("Invalid.Kind", g.Value)).ToArray();
                return loc.Format(key, args);
            }
        }
        return message;
    }

    private static Regex Rx(string pattern) => new($"^{pattern}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
