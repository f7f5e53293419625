using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using PolicyFlow.Host.Tests.Durability;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Seed;

/// <summary>
/// The Development demo: a host started on an empty database plays the seed forward from nine weeks ago through the engine,
/// so leadership opens on a matrix with red, yellow and green or finished cells and a ranking that tells cities apart —
/// with every task, email and audit line at the time it would have had, and only once per database.
/// </summary>
public sealed class DemoPlaybackTests
{
    [Fact]
    public async Task TheDemo_PlaysTheSeedForward_OnceAndAtTheTimesItWouldHaveHad()
    {
        await using var storage = await TestStorage.CreateAsync("Sqlite");
        var mail = Directory.CreateTempSubdirectory("pf-demo-mail-").FullName;
        var environment = new Dictionary<string, string>(storage.Environment) { ["Seed__Demo"] = "true", ["Mail__PickupPath"] = mail };
        var started = DateTimeOffset.UtcNow;
        int tasks;
        await using (var host = await PolicyFlowProcess.StartAsync(environment, healthyWithin: TimeSpan.FromMinutes(8)))
        {
            using var leader = await host.CreateSignedInClientAsync("leader");
            var matrix = await leader.GetFromJsonAsync<JsonObject>("/api/reports/matrix");
            var lights = matrix!["rows"]!.AsArray().SelectMany(r => r!["cells"]!.AsArray()).OfType<JsonNode>()
                .Select(c => c["light"]!.GetValue<string>()).ToHashSet();
            Assert.Contains("Red", lights);
            Assert.Contains("Yellow", lights);
            Assert.True(lights.Contains("Green") || lights.Contains("Done"), string.Join(",", lights));

            var ranking = await leader.GetFromJsonAsync<JsonObject>("/api/reports/ranking?of=city&period=custom&from="
                + DateOnly.FromDateTime(started.UtcDateTime.AddDays(-70)).ToString("yyyy-MM-dd") + "&to=" + DateOnly.FromDateTime(started.UtcDateTime).ToString("yyyy-MM-dd"));
            var rates = ranking!["rows"]!.AsArray().Select(r => r!["onTimeRate"]?.GetValue<double?>()).ToList();
            Assert.Equal(11, rates.Count);
            Assert.True(rates.Distinct().Count() >= 4, "the cities' on-time rates should differ: " + string.Join(",", rates));
            Assert.Contains(ranking["rows"]!.AsArray(), r => r!["returns"]!.GetValue<int>() > 0 || r["extensions"]!.GetValue<int>() > 0);

            var overdue = await leader.GetFromJsonAsync<JsonObject>("/api/reports/overdue?pageSize=200");
            Assert.True(overdue!["total"]!.GetValue<int>() > 0);
            Assert.Contains(overdue["items"]!.AsArray(), r => r!["urgeCount"]!.GetValue<int>() > 0);
        }

        await using (var db = new SqliteConnection(storage.Environment["Storage__ConnectionString"]))
        {
            await db.OpenAsync();
            var nineWeeksAgo = started.AddDays(-7 * 9 - 1).ToUnixTimeMilliseconds();
            Assert.Equal(0L, await ScalarAsync(db, $"""SELECT COUNT(*) FROM pf_tasks WHERE "CreatedAt" < {nineWeeksAgo} OR "CreatedAt" > {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}"""));
            Assert.Equal(0L, await ScalarAsync(db, """SELECT COUNT(*) FROM pf_tasks WHERE "DueAt" < "CreatedAt" OR "CompletedAt" < "CreatedAt" """));
            // Spread over the weeks played, not written today: the first tasks, emails and audit lines are weeks old.
            var fiveWeeksAgo = started.AddDays(-35).ToUnixTimeMilliseconds();
            Assert.True(await ScalarAsync(db, $"""SELECT COUNT(*) FROM pf_tasks WHERE "CreatedAt" < {fiveWeeksAgo} AND "Status" = 'Completed'""") > 100);
            Assert.True(await ScalarAsync(db, $"""SELECT COUNT(*) FROM pf_outbox WHERE "CreatedAt" < {fiveWeeksAgo}""") > 100);
            Assert.True(await ScalarAsync(db, """SELECT COUNT(*) FROM pf_task_facts WHERE "Round" > 1""") > 0);
            Assert.True(await ScalarAsync(db, """SELECT COUNT(*) FROM pf_extensions WHERE "Status" = 'Approved'""") > 0);
            tasks = (int)await ScalarAsync(db, "SELECT COUNT(*) FROM pf_tasks");
        }
        SqliteConnection.ClearAllPools();

        // A restart on the same database plays nothing again.
        await using (var again = await PolicyFlowProcess.StartAsync(environment, healthyWithin: TimeSpan.FromMinutes(2)))
        {
            using var leader = await again.CreateSignedInClientAsync("leader");
            Assert.NotNull(await leader.GetFromJsonAsync<JsonObject>("/api/reports/matrix"));
        }
        await using (var db = new SqliteConnection(storage.Environment["Storage__ConnectionString"]))
        {
            await db.OpenAsync();
            Assert.Equal(tasks, await ScalarAsync(db, "SELECT COUNT(*) FROM pf_tasks"));
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(mail, recursive: true);
    }

    private static async Task<long> ScalarAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
