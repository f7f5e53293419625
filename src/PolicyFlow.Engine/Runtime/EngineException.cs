namespace PolicyFlow.Engine.Runtime;

/// <summary>What kind of refusal an engine call ended with.</summary>
public enum EngineError
{
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>A refused engine call with a message a person can act on; nothing was changed.</summary>
public sealed class EngineException(EngineError error, string message) : Exception(message)
{
    public EngineError Error { get; } = error;

    public static EngineException NotFound(string message) => new(EngineError.NotFound, message);
    public static EngineException Invalid(string message) => new(EngineError.Invalid, message);
    public static EngineException Conflict(string message) => new(EngineError.Conflict, message);
}
