namespace PolicyFlow.Engine.Definitions;

/// <summary>A draft can change; a published version never does.</summary>
public enum DefinitionStatus
{
    Draft,
    Published,
}
