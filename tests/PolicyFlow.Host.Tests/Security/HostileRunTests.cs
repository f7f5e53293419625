using System.Data.Common;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Host.Auth.Accounts;
using PolicyFlow.Host.Auth.Storage;
using PolicyFlow.Host.Tests.Auth;

namespace PolicyFlow.Host.Tests.Security;

/// <summary>
/// Generated hostile requests over every <c>/api</c> endpoint the running host has (read from its endpoint data source, so a
/// new endpoint is in the run without a change here) × anonymous and every demo account: malformed JSON, wrong types, huge
/// values, deep nesting, wrong content types, path tricks, very long and foreign ids, nonsense query values. Every request is
/// one that must be refused, so afterwards no table but the audit may differ; no answer is a 5xx, and every 401/403 of a
/// signed-in caller has its audit row. Run on both databases: <see cref="HostileRunTests"/> (SQLite) and
/// <see cref="HostileRunOnPostgreSqlTests"/>.
/// </summary>
public abstract class HostileRun(AuthApp app)
{
    private static readonly string[] PathTricks =
    [
        "..", "%2e%2e", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%5C..%5Cwindows", "..%5C..%5C", new string('9', 4096), "-1", "%0d%0a", "%E4%B8", "{id}",
        "<script>", "'%20OR%20'1'='1",
    ];

    private static readonly (string Name, string ContentType, Func<Type?, byte[]> Body)[] Bodies =
    [
        ("malformed json", "application/json", _ => "{\"name\": \"x\", \"text\": "u8.ToArray()),
        ("array for object", "application/json", _ => "[1, 2, 3]"u8.ToArray()),
        ("wrong types", "application/json", WrongTypes),
        ("huge values", "application/json", HugeValues),
        ("deep nesting", "application/json", _ => Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000))),
        ("two megabytes", "application/json", _ => Encoding.UTF8.GetBytes("{\"name\": \"" + new string('长', 700_000) + "\"}")),
        ("invalid utf-8", "application/json", InvalidUtf8),
        ("json as form", "application/x-www-form-urlencoded", _ => "name=%00&userName=..%2F..&password="u8.ToArray()),
        ("null", "application/json", _ => "null"u8.ToArray()),
        ("wrong content type", "text/xml", _ => "<name>x</name>"u8.ToArray()),
    ];

    private static readonly string[] Queries =
    [
        "take=-5&skip=abc&page=99999999999999999999&pageSize=0",
        "light=Purple&from=2024-13-45&to=yesterday&period=forever&by=nothing&of=everyone",
        "policyId=..%2F..%2Fetc%2Fpasswd&measureNo=%2e%2e&instanceId=not-a-guid&all=maybe",
        "q=" + new string('查', 3000) + "&user=%00%0d%0a&refused=perhaps",
        "city=%5C%5Cserver%5Cshare&region=' OR 1=1 --&months=1e9&minDaysOverdue=-2147483649",
    ];

    [Fact]
    public async Task ThousandsOfHostileRequests_OverEveryEndpointAndRole_GetNo5xx_ChangeNoRow_AndAuditEveryRefusal()
    {
        var callers = new List<string?> { null };
        callers.AddRange(DemoAccounts.All.Select(a => a.UserName));
        var endpoints = ApiEndpoints();
        foreach (var caller in callers)
        {
            // Minting the callers' tokens writes rows: done before the snapshot.
            (await app.ClientAsync(caller)).Dispose();
        }
        var before = await SnapshotAsync();
        var writes = new List<string>();
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var sent = 0;
        foreach (var (method, pattern, bodyType) in endpoints)
        {
            foreach (var caller in callers)
            {
                // A write that takes no input (sign out, mark everything read) has nothing hostile to carry; signed in, it
                // would simply be done. It is sent anonymously only, and must be refused.
                var hasInput = pattern.Contains('{', StringComparison.Ordinal) || bodyType is not null;
                if (method != "GET" && !hasInput && caller is not null)
                {
                    continue;
                }
                using var client = await app.ClientAsync(caller);
                var variants = method == "GET" ? 2 : 3;
                for (var v = 0; v < variants; v++, sent++)
                {
                    var path = Path(pattern, caller, sent) + "?" + Queries[sent % Queries.Length] + $"&hostile={sent}";
                    using var request = new HttpRequestMessage(new HttpMethod(method), path);
                    var body = Bodies[sent % Bodies.Length];
                    if (method != "GET")
                    {
                        request.Content = new ByteArrayContent(body.Body(bodyType));
                        request.Content.Headers.ContentType = new(body.ContentType);
                    }
                    var lastAudit = await LastAuditIdAsync();
                    using var response = await client.SendAsync(request);
                    var status = (int)response.StatusCode;
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                    var what = $"{method} {Shorten(path)} [{(method == "GET" ? "query" : body.Name)}] as {caller ?? "anonymous"}: {status}";
                    if (method != "GET" && status < 300)
                    {
                        writes.Add(what);
                    }
                    if (status >= 500)
                    {
                        failures.Add($"{what} — {Shorten(await response.Content.ReadAsStringAsync())}");
                    }
                    else if (caller is not null && status is 401 or 403 && !await AuditedAsync(lastAudit, caller, status))
                    {
                        failures.Add($"{what} — refused but not audited");
                    }
                }
            }
        }
        var after = await SnapshotAsync();
        var summary = PolicyFlow.Testing.RepositoryRoot.Combine("artifacts", $"hostile-run-{app.Provider.ToLowerInvariant()}.txt");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(summary)!);
        await File.WriteAllTextAsync(summary, $"{sent} requests over {endpoints.Count} endpoints × {callers.Count} callers; statuses "
            + string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}")) + $"; {failures.Count} failures\n");

        // The snapshot holds the real tables, the workflow's and the accounts', with the fixture's rows in them.
        foreach (var table in new[] { "pf_tasks", "pf_instances", "pf_journal", "pf_access_tokens", "pf_task_attachments" })
        {
            var key = Assert.Single(before.Keys, k => k.EndsWith(table, StringComparison.Ordinal));
            Assert.DoesNotMatch("^0 rows", before[key]);
        }
        var changed = before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)).ToList();
        Assert.True(sent >= 1000, $"only {sent} requests were generated");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed (statuses {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}):\n"
            + string.Join('\n', failures.Take(60)));
        Assert.True(changed.Count == 0, "Tables changed by requests that were all refused: " + string.Join(", ", changed)
            + "\nWrites answered 2xx:\n" + string.Join('\n', writes.Where(w => w.StartsWith("PUT", StringComparison.Ordinal)).Take(40)));
        // Not only 404s from unmatched routes: the run reached the handlers' own checks.
        Assert.True(statuses.GetValueOrDefault(400) > 100 && statuses.GetValueOrDefault(401) > 50 && statuses.GetValueOrDefault(403) > 50,
            "statuses " + string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}")));
    }

    /// <summary>Route values: a path trick, a very long id, a missing id, or — for an agency's staff — another agency's task.</summary>
    private string Path(string pattern, string? caller, int n)
    {
        var path = pattern;
        foreach (var segment in pattern.Split('/').Where(s => s.StartsWith('{')))
        {
            var constraint = segment.Trim('{', '}').Split(':').Skip(1).FirstOrDefault();
            var staff = caller is not null && caller.Contains('-', StringComparison.Ordinal) && caller != "policy-office";
            var value = (n % 4, constraint) switch
            {
                (0, "guid") when staff && pattern.Contains("/attachments/", StringComparison.Ordinal) => app.ForeignAttachment.ToString(),
                (0, "guid") when staff && pattern.StartsWith("/api/tasks/", StringComparison.Ordinal) => app.ForeignTask.ToString(),
                (0, "guid") when staff && pattern.StartsWith("/api/workflow-instances/", StringComparison.Ordinal) => app.ForeignInstance.ToString(),
                (_, "guid") when n % 2 == 0 => Guid.NewGuid().ToString(),
                (_, "long") when n % 2 == 0 => "9223372036854775807",
                _ => PathTricks[n % PathTricks.Length],
            };
            path = path.Replace(segment, value, StringComparison.Ordinal);
        }
        return path;
    }

    private List<(string Method, string Pattern, Type? BodyType)> ApiEndpoints() =>
    [
        .. app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, e.RoutePattern.RawText!.TrimEnd('/'), e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType ?? (e.Metadata.GetMetadata<IAcceptsMetadata>() is null ? null : typeof(object)))))
            .Distinct().OrderBy(e => e.Item2, StringComparer.Ordinal).ThenBy(e => e.m, StringComparer.Ordinal),
    ];

    private async Task<long> LastAuditIdAsync() => await app.WithServicesAsync(async s =>
        await s.GetRequiredService<AccountsDbContext>().Audit.OrderByDescending(a => a.Id).Select(a => a.Id).FirstOrDefaultAsync());

    /// <summary>The audit row may land just after the answer: it is written once the response has been produced.</summary>
    private async Task<bool> AuditedAsync(long after, string user, int status)
    {
        for (var i = 0; i < 40; i++)
        {
            if (await app.WithServicesAsync(s => s.GetRequiredService<AccountsDbContext>().Audit
                    .AnyAsync(a => a.Id > after && a.UserName == user && a.Status == status && a.Refused)))
            {
                return true;
            }
            await Task.Delay(50);
        }
        return false;
    }

    /// <summary>Row count and a hash of every row, per table (the audit excepted), read through the host's own connection.</summary>
    private async Task<Dictionary<string, string>> SnapshotAsync() => await app.WithServicesAsync(async s =>
    {
        await using var db = s.GetRequiredService<AccountsDb>().Create();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var sqlite = db.Database.IsSqlite();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema', 'hangfire')";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => !t.Contains("pf_audit", StringComparison.Ordinal)))
        {
            snapshot[table] = await HashAsync(connection, sqlite ? $"\"{table}\"" : table);
        }
        return snapshot;
    });

    private static async Task<string> HashAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var row = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
            }
            rows.Add(row.ToString());
        }
        rows.Sort(StringComparer.Ordinal);
        return $"{rows.Count} rows {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))))[..16]}";
    }

    /// <summary>The endpoint's own body properties, each with a value of the wrong JSON kind (unknown names would be ignored).</summary>
    private static byte[] WrongTypes(Type? type)
    {
        var properties = Properties(type);
        if (properties.Count == 0)
        {
            return """{"name": 12, "text": true, "id": []}"""u8.ToArray();
        }
        var json = properties.Select(p => $"\"{p.Name}\": " + (p.Type == typeof(string) ? "12345"
            : p.Type.IsPrimitive || p.Type.IsEnum || p.Type == typeof(decimal) || p.Type == typeof(Guid) || p.Type == typeof(DateOnly) || p.Type == typeof(DateTimeOffset) ? "\"not-a-value\""
            : p.Type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(p.Type) ? "{\"a\": 1}" : "\"text\""));
        return Encoding.UTF8.GetBytes("{" + string.Join(", ", json) + "}");
    }

    /// <summary>The endpoint's own properties with values past any bound: numbers beyond double, 200,000-character text.</summary>
    private static byte[] HugeValues(Type? type)
    {
        var properties = Properties(type);
        if (properties.Count == 0)
        {
            return """{"expiresInDays": 1e400, "percent": 99999999999999999999999999, "days": -99999999999999999999}"""u8.ToArray();
        }
        var json = properties.Select(p => $"\"{p.Name}\": " + (p.Type == typeof(string) ? "\"" + new string('长', 200_000) + "\""
            : p.Type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(p.Type) ? "[" + string.Join(',', Enumerable.Repeat("1e400", 20_000)) + "]"
            : "1e400"));
        return Encoding.UTF8.GetBytes("{" + string.Join(", ", json) + "}");
    }

    /// <summary>Bytes that are not UTF-8 in the value of the endpoint's first text property (or in a name, without one).</summary>
    private static byte[] InvalidUtf8(Type? type)
    {
        var text = Properties(type).FirstOrDefault(p => p.Type == typeof(string)).Name ?? "name";
        return [.. Encoding.UTF8.GetBytes($"{{\"{text}\": \""), 0xC3, 0x28, 0xFF, (byte)'"', (byte)'}'];
    }

    private static List<(string Name, Type Type)> Properties(Type? type) =>
        type is null || type == typeof(object) || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true ? []
        : [.. type.GetProperties().Where(p => p.CanWrite || p.GetMethod is not null)
            .Select(p => (System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name), Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType))];

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

[Collection(AuthCollection.Name)]
public sealed class HostileRunTests(AuthApp app) : HostileRun(app);

[Collection(PostgresAuthCollection.Name)]
public sealed class HostileRunOnPostgreSqlTests(PostgresAuthApp app) : HostileRun(app);
