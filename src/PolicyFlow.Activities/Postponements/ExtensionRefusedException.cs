namespace PolicyFlow.Activities.Postponements;

/// <summary>The caller may not decide this extension request (HTTP 403); nothing was changed.</summary>
public sealed class ExtensionRefusedException(string message) : Exception(message);
