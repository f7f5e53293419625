namespace PolicyFlow.Policies;

/// <summary>The document cannot be imported; the message says why in Chinese and in English.</summary>
public sealed class PolicyFormatException : Exception
{
    /// <summary>Creates the exception with the reason and a bilingual message.</summary>
    public PolicyFormatException(PolicyFormatError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Creates the exception with the reason, a bilingual message and what caused it.</summary>
    public PolicyFormatException(PolicyFormatError error, string message, Exception? innerException)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>The category of the problem.</summary>
    public PolicyFormatError Error { get; }
}
