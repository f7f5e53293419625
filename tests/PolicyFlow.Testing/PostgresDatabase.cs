using Npgsql;

namespace PolicyFlow.Testing;

/// <summary>A throwaway database on the test server, dropped (with its connections) on dispose.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    internal PostgresDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public async ValueTask DisposeAsync()
    {
        // Pooled idle connections would otherwise linger until FORCE kills them under the pool's feet.
        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(PostgresServer.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
