namespace PolicyFlow.Host.Auth.Tokens;

/// <summary>A personal access token for the API. Only its SHA-256 hash is stored; the token itself is shown once.</summary>
public sealed class PersonalAccessToken
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole token (<c>pf_…</c>).</summary>
    public required string Hash { get; set; }

    /// <summary>The first characters of the token, so a user can tell their tokens apart.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
