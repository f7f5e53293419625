namespace PolicyFlow.Policies;

/// <summary>Choices the policy office can make when the importer would otherwise refuse a document.</summary>
public sealed record PolicyParseOptions
{
    /// <summary>The default: refuse a document that looks cut off.</summary>
    public static PolicyParseOptions Default { get; } = new();

    /// <summary>Import a document whose last numbered item looks cut off (no agency list and no closing text after it)
    /// as it is: the item is reported as not a measure, with a warning, instead of refusing the document.</summary>
    public bool AllowIncomplete { get; init; }

    /// <summary>The time one pattern may take on this document, instead of each pattern's own (1 s); for trying the limit
    /// on a real document. A document that makes a pattern run out of it is refused as too complex.</summary>
    internal TimeSpan? MatchTimeout { get; init; }
}
