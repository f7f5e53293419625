namespace PolicyFlow.Host.Studio;

/// <summary>
/// Who is using the Studio. Sign-in does not exist yet, so everyone is "studio"; when Identity arrives this reads the
/// signed-in user and their agency, and the pages (which only ask this class) stay as they are.
/// </summary>
internal sealed class StudioUser
{
    /// <summary>The name written in the journal for actions taken in the Studio.</summary>
    public string Actor => "studio";

    public string DisplayName => "studio";

    /// <summary>The user's agency; null until sign-in knows it.</summary>
    public string? Agency => null;

    /// <summary>Whether a task counts as "mine". Without sign-in every open task does.</summary>
    public bool Owns(string assignee) => Agency is null || string.Equals(assignee, Agency, StringComparison.Ordinal);
}
