namespace PolicyFlow.Host.Application;

/// <summary>A use case refused the caller (HTTP 403); the message says what is missing. Nothing was changed.</summary>
internal sealed class AccessDeniedException(string message) : Exception(message);
