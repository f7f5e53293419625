using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace PolicyFlow.Policies;

/// <summary>The match timeout of the parse under way: each pattern's own (1 s), unless this parse was given another.</summary>
/// <remarks>The patterns are source-generated with a fixed timeout; a parse with <see cref="PolicyParseOptions.MatchTimeout"/>
/// reads through copies of them built with that timeout, so a short limit can be tried on a real document. The setting
/// flows with the parse (an <see cref="AsyncLocal{T}"/>), never to another parse running at the same time.</remarks>
internal static class PatternTimeout
{
    private static readonly AsyncLocal<TimeSpan?> Current = new();
    private static readonly ConcurrentDictionary<(Regex Pattern, TimeSpan Timeout), Regex> Copies = new();

    /// <summary>The pattern to match with in this parse.</summary>
    public static Regex Use(Regex pattern) => Current.Value is { } timeout
        ? Copies.GetOrAdd((pattern, timeout), key => new Regex(key.Pattern.ToString(), key.Pattern.Options, key.Timeout))
        : pattern;

    /// <summary>Applies <paramref name="timeout"/> (null: the patterns' own) until the returned scope is disposed.</summary>
    public static Scope For(TimeSpan? timeout)
    {
        var previous = Current.Value;
        Current.Value = timeout;
        return new Scope(previous);
    }

    public readonly struct Scope(TimeSpan? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
