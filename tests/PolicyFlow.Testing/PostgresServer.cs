using Npgsql;

namespace PolicyFlow.Testing;

/// <summary>The PostgreSQL server that ./scripts/test.sh starts, named by POLICYFLOW_TEST_PG.</summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "POLICYFLOW_TEST_PG";

    public const string NotConfiguredMessage =
        "PostgreSQL is not configured: run ./scripts/test.sh, which starts a throwaway cluster, " +
        "or set POLICYFLOW_TEST_PG to a connection string.";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(NotConfiguredMessage);

    /// <summary>Creates an empty database named pf_{prefix}_{guid8}; disposing it drops it.</summary>
    public static async Task<PostgresDatabase> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var name = $"pf_{Sanitize(prefix)}_{Guid.NewGuid().ToString("N")[..8]}";
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name };
        return new PostgresDatabase(name, builder.ConnectionString);
    }

    // Identifiers are at most 63 bytes; keep room for the pf_ and _guid8 parts.
    private static string Sanitize(string prefix)
    {
        var chars = prefix.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray();
        var clean = new string(chars);
        return clean.Length <= 40 ? clean : clean[..40];
    }
}
