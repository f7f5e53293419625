using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Host.Application;

/// <summary>A note, comment or reason is a paragraph or a page, not a document: the one bound every use case applies.</summary>
internal static class TextBounds
{
    public const int MaxLength = 4000;

    /// <summary>Refuses <paramref name="text"/> over <see cref="MaxLength"/> characters with a 400 saying so; returns it otherwise.</summary>
    public static string? Check(string? text, string field) => text is { Length: > MaxLength }
        ? throw EngineException.Invalid($"{field} 不得超过 {MaxLength} 字。 The {field} has {text.Length} characters; at most {MaxLength} are allowed — attach longer material as a file.")
        : text;
}
