using Npgsql;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Infrastructure;

public sealed class PostgresServerTests
{
    [Fact]
    public async Task CreateDatabase_GivesAFreshDatabase_ThatDisposeDrops()
    {
        string name;
        await using (var database = await PostgresServer.CreateDatabaseAsync("infra"))
        {
            name = database.Name;
            Assert.Matches("^pf_infra_[0-9a-f]{8}$", name);

            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT 1, current_database()", connection);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(1, reader.GetInt32(0));
            Assert.Equal(name, reader.GetString(1));
        }

        Assert.False(await DatabaseExistsAsync(name));
    }

    [Fact]
    public async Task Dispose_WhileConnectionsAreOpen_StillDropsTheDatabase()
    {
        var database = await PostgresServer.CreateDatabaseAsync("open connection");
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        Assert.True(await DatabaseExistsAsync(database.Name));

        await database.DisposeAsync();

        Assert.False(await DatabaseExistsAsync(database.Name));
    }

    private static async Task<bool> DatabaseExistsAsync(string name)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }
}
