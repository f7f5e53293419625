using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Testing;

namespace PolicyFlow.Bench;

/// <summary>
/// Issue 14 item 8: county users, each with their own account and bearer token, read their inbox, report progress and complete
/// tasks through the real HTTP API for a fixed time, driven by wrk (bench/http/load.lua) against one host on SQLite and two
/// hosts on one PostgreSQL (wrk's threads split between the hosts).
/// </summary>
internal static class HttpLoadBench
{
    public static async Task RunAsync(string[] providers, int users, int seconds, string command)
    {
        var lines = new List<string>
        {
            $"{users} county users (AgencyStaff accounts created through `POST /api/users`, each signed in once and given a personal access",
            "token through `POST /api/users/me/tokens`), spread over the county agencies the seed policy's ten measures cascaded to (all ten plan",
            "tasks completed through the API first: 900 county tasks over 360 county agencies); one user per agency while there are agencies enough.",
            "A user reports progress on its agency's first task and completes the others (its completion pool: 900 − 360 tasks over the 360",
            "agencies, about 1.5 per user). wrk 4.1 (Debian), 2 threads, one connection per user, closed loop; each request goes to the",
            "thread's next user in turn. Mix per user, per 20 turns: 14 inbox reads (`GET /api/tasks?take=20`), 5 progress reports",
            "(`POST /api/tasks/{id}/progress` on a seed county task of the user's agency), 1 completion (`POST /api/tasks/{id}/complete` of the",
            "next task of the user's pool; a progress report once the pool is used up, which happens early: the pool is small). Errors = non-2xx other than 409 plus socket errors;",
            "409 (conflict: two users of one agency reporting on the same task at once) counted apart. Target: p99 ≤ 200 ms, 0 errors.",
            "",
            "| provider | hosts | users | seconds | requests | requests/s | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | inbox / progress / complete sent | 2xx | 409 | errors | p99 ≤ 200 ms, 0 errors? |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        };
        var notes = new List<string>();
        foreach (var provider in providers)
        {
            var (row, note) = await OneAsync(provider, users, seconds);
            lines.Add(row);
            notes.AddRange(note);
        }
        lines.Add("");
        lines.AddRange(notes);
        Results.Append("HTTP load: county users through the API (issue 14 item 8)", command, lines);
    }

    private static async Task<(string Row, List<string> Notes)> OneAsync(string provider, int users, int seconds)
    {
        await using var storage = await BenchStorage.CreateAsync(provider);
        var factory = storage.Factory;
        var hostCount = provider == "PostgreSql" ? 2 : 1;
        var hosts = new List<PolicyFlowProcess> { await BenchHosts.StartAsync(factory) };
        try
        {
            if (hostCount == 2)
            {
                hosts.Add(await BenchHosts.StartAsync(factory));
            }
            var setUp = Stopwatch.StartNew();
            await CascadeAllAsync(factory, hosts[0].Address);
            Console.Write($"{provider}: ");
            var made = await CountyUsers.CreateAsync(factory, hosts, users);
            var setUpSeconds = setUp.Elapsed.TotalSeconds;

            var script = RepositoryRoot.Combine("bench", "http", "load.lua");
            var data = Path.Combine(Path.GetTempPath(), $"pf-load-users-{Guid.NewGuid():N}.lua");
            await File.WriteAllTextAsync(data, Lua(hosts.Select(h => h.Address.Authority), made));
            const int Threads = 2;
            var wrk = $"wrk -t{Threads} -c{users} -d{seconds}s --timeout 10s --latency -s bench/http/load.lua {hosts[0].Address.ToString().TrimEnd('/')}";
            Console.WriteLine($"{provider}: set up in {setUpSeconds:F0} s; {wrk}");
            var output = await RunWrkAsync(script, data, Threads, users, seconds, hosts[0].Address);
            File.Delete(data);
            Console.WriteLine(output);
            var result = Parse(output);

            await using var after = factory.Create();
            var completed = await after.Tasks.CountAsync(t => t.ActivityId == "county-task" && t.Status == WorkTaskStatus.Completed);
            var errors = result["other"] + result["connect"] + result["read"] + result["write"] + result["timeout"];
            var rate = result["requests"] / (result["duration_us"] / 1e6);
            double Ms(string key) => result[key] / 1000.0;
            var met = Ms("p99_us") <= 200 && errors == 0;
            var row = string.Create(CultureInfo.InvariantCulture,
                $"| {provider} | {hosts.Count} | {users} | {seconds} | {result["requests"]:N0} | {rate:F0} | {Ms("p50_us"):F1} | {Ms("p90_us"):F1} | {Ms("p99_us"):F1} | {Ms("max_us"):F0} | {result["inbox"]:N0} / {result["progress"]:N0} / {result["complete"]:N0} | {result["ok"]:N0} | {result["conflict"]:N0} | {errors:N0} | {(met ? "met" : "**no**")} |");
            var probe = await HttpProbe.RunAsync(factory, made);
            List<string> notes =
            [
                string.Create(CultureInfo.InvariantCulture,
                    $"{provider}: wrk command `PF_LOAD_USERS=… PF_LOAD_THREADS={Threads} {wrk}`; set-up (cascades, users, tokens) {setUpSeconds:F0} s, not measured; {completed} county tasks completed in the database afterwards; socket errors connect/read/write/timeout {result["connect"]}/{result["read"]}/{result["write"]}/{result["timeout"]}."),
                "",
                string.Create(CultureInfo.InvariantCulture,
                    $"{provider}: where a request's time goes (`HttpProbe`). Under the load, by Little's law, {users} busy users ÷ {rate:F0} requests/s = {users / rate * 1000:F0} ms per request, of which the server's own time is the figure below (one request at a time, no queue); the rest is waiting for the 2 cores."),
                "",
                .. HttpProbe.Table(probe),
                "",
            ];
            return (row, notes);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    /// <summary>Completes the ten seed measures' plan tasks through the API, each as its lead agency's demo account.</summary>
    /// <param name="measures">How many of the ten to cascade (the drills need fewer county tasks than the load).</param>
    public static async Task CascadeAllAsync(Host.Storage.DbFactory factory, Uri host, int measures = BenchHosts.Measures)
    {
        var plans = await BenchHosts.PlanTasksAsync(factory, TimeSpan.FromMinutes(2));
        if (plans.Count != BenchHosts.Measures)
        {
            throw new InvalidOperationException($"{plans.Count} plan tasks after 2 minutes, not {BenchHosts.Measures}: the seed did not launch.");
        }
        foreach (var lead in plans.OrderBy(p => p.InstanceId).Take(measures).GroupBy(p => p.Assignee))
        {
            using var client = await BenchHosts.TokenClientAsync(host, lead.Key);
            foreach (var plan in lead)
            {
                (await BenchHosts.CompleteAsync(client, plan.Id)).EnsureSuccessStatusCode();
            }
        }
    }

    private static string Lua(IEnumerable<string> hosts, IReadOnlyList<CountyUsers.User> users)
    {
        var text = new StringBuilder("return { hosts = { ");
        text.AppendJoin(", ", hosts.Select(h => $"\"{h}\"")).AppendLine(" }, users = {");
        foreach (var user in users)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {{ token = \"{user.Token}\", progress = {{ ")
                .AppendJoin(", ", user.Progress.Select(p => $"\"{p}\"")).Append(" }, complete = { ")
                .AppendJoin(", ", user.Complete.Select(p => $"\"{p}\"")).AppendLine(" } },");
        }
        return text.AppendLine("} }").ToString();
    }

    private static async Task<string> RunWrkAsync(string script, string data, int threads, int connections, int seconds, Uri url)
    {
        var info = new ProcessStartInfo("wrk", ["-t" + threads, "-c" + connections, $"-d{seconds}s", "--timeout", "10s", "--latency", "-s", script, url.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.Environment["PF_LOAD_USERS"] = data;
        info.Environment["PF_LOAD_THREADS"] = threads.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start (apt-get install -y wrk).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk exited {process.ExitCode}: {await error}\n{await output}");
        }
        return await output + await error;
    }

    private static Dictionary<string, long> Parse(string output)
    {
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith("PFLOAD ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("wrk printed no PFLOAD line:\n" + output);
        return line["PFLOAD ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=')).ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture));
    }
}
