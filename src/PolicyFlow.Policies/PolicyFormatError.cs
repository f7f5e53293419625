namespace PolicyFlow.Policies;

/// <summary>Why a document cannot be imported; lets the HTTP edge choose a status and a localised message.</summary>
public enum PolicyFormatError
{
    /// <summary>No content, or only whitespace.</summary>
    Empty,

    /// <summary>Larger than <see cref="PolicyDocumentParser.MaxBytes"/>.</summary>
    TooLarge,

    /// <summary>NUL or other control bytes: not a text file.</summary>
    Binary,

    /// <summary>Bytes that are not valid UTF-8 (often a GBK/GB18030 file).</summary>
    InvalidUtf8,

    /// <summary>No numbered measures found.</summary>
    NoMeasures,

    /// <summary>The text stops inside a measure or leaves an agency list open.</summary>
    Truncated,

    /// <summary>A pattern took longer than its timeout on this text: built to make the reader backtrack, or not a policy document.</summary>
    TooComplex,
}
