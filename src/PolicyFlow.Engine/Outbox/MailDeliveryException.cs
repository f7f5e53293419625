namespace PolicyFlow.Engine.Outbox;

/// <summary>A message could not be delivered; <see cref="Permanent"/> says that retrying cannot help (e.g. 550 unknown mailbox).</summary>
public sealed class MailDeliveryException : Exception
{
    public MailDeliveryException()
    {
    }

    public MailDeliveryException(string message)
        : base(message)
    {
    }

    public MailDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <param name="permanent">True when the server refused the message for good.</param>
    /// <param name="serverAnswer">What the server said, shown to operators on the outbox page.</param>
    public MailDeliveryException(bool permanent, string serverAnswer, Exception? innerException = null)
        : base(serverAnswer, innerException)
    {
        Permanent = permanent;
        ServerAnswer = serverAnswer;
    }

    public bool Permanent { get; }

    public string? ServerAnswer { get; }
}
