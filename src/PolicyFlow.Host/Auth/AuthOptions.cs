using System.ComponentModel.DataAnnotations;

namespace PolicyFlow.Host.Auth;

/// <summary>The <c>Authentication</c> section: sign-in throttling and the optional provincial single sign-on.</summary>
public sealed class AuthOptions
{
    public const string Section = "Authentication";

    /// <summary>Sign-in attempts allowed per client address and minute; more are answered 429.</summary>
    [Range(1, 10_000)]
    public int SignInPermitsPerMinute { get; set; } = 10;

    /// <summary>Create the demo accounts at start. Honoured only in Development: Production never has a default password.</summary>
    public bool DemoAccounts { get; set; } = true;

    /// <summary>Where task attachments are stored; by default <c>uploads/</c> beside the SQLite file (<c>data/uploads</c>).</summary>
    public string? UploadsDirectory { get; set; }

    /// <summary>Attachments one task may hold; one more upload is refused with 409.</summary>
    [Range(1, 10_000)]
    public int AttachmentsPerTask { get; set; } = 50;

    /// <summary>Total bytes of one task's attachments (default 200 MB).</summary>
    [Range(1, long.MaxValue)]
    public long AttachmentBytesPerTask { get; set; } = 200L * 1024 * 1024;

    /// <summary>
    /// Total bytes one user may upload in 24 hours over all their tasks (default 1 GB): the per-task quota alone would let one
    /// account fill the disk by spreading files over its many tasks.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long AttachmentBytesPerUserPerDay { get; set; } = 1024L * 1024 * 1024;

    /// <summary>
    /// How often a sign-in cookie and a Studio circuit are checked against the account (security stamp, lockout): a lock, a
    /// password or role change and a sign-out elsewhere end other sessions within this many seconds (default 5 minutes).
    /// </summary>
    [Range(1, 86_400)]
    public int SessionRevalidationSeconds { get; set; } = 300;

    public OidcOptions Oidc { get; set; } = new();
}
