namespace PolicyFlow.Engine.Definitions;

/// <summary>One defect of a definition, at a JSON path such as <c>$.activities[2].type</c>.</summary>
public sealed record DefinitionError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>Thrown when a definition has defects; nothing has been stored.</summary>
public sealed class InvalidDefinitionException(IReadOnlyList<DefinitionError> errors)
    : Exception("The workflow definition is invalid: " + string.Join("; ", errors))
{
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}
