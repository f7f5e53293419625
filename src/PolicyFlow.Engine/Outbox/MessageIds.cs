using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PolicyFlow.Engine.Outbox;

/// <summary>Stable Message-IDs: the same cause always yields the same id, so a re-sent copy is recognisably the same mail.</summary>
public static class MessageIds
{
    /// <summary><c>&lt;{kind}.{hash of dedupKey}@{domain}&gt;</c>, e.g. <c>&lt;Reminder.3f2a…@policyflow&gt;</c>.</summary>
    public static string Create(string kind, string dedupKey, string domain)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(dedupKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        return string.Create(CultureInfo.InvariantCulture, $"<{kind}.{Hash(dedupKey)}@{domain}>");
    }

    /// <summary>32 hex digits of SHA-256: short, stable and free of characters a Message-ID may not hold.</summary>
    public static string Hash(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 16));
    }
}
