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
    public static async Task RunAsync(string[] providers, int users, int seconds, int thinkMs, string command)
    {
        var lines = new List<string>
        {
            $"{users} county users (AgencyStaff accounts created through `POST /api/users`, each signed in once and given a personal access",
            "token through `POST /api/users/me/tokens`), spread over the county agencies the seed policy's ten measures cascaded to (all ten plan",
            "tasks completed through the API first: 900 county tasks over 360 county agencies); one user per agency while there are agencies enough.",
            "A user reports progress on its agency's first task and completes the others (its completion pool: 900 − 360 tasks over the 360",
            "agencies, about 1.5 per user). wrk 4.1 (Debian), 2 threads, one connection per user; each request goes to the",
            "thread's next user in turn. Two loads one after the other on the same hosts: first as people work, each connection waiting a",
            $"think time (uniform {thinkMs / 2}–{thinkMs * 3 / 2} ms, mean {thinkMs} ms: every user acts every {thinkMs / 1000.0:0.#} s or so, far more often than a clerk does) before its next request;",
            "then the closed loop (no think time: each connection sends its next request the moment the last is answered), which measures the",
            "hosts' capacity rather than what a user waits. wrk times each request from its sending, so the think time is not in the latency.",
            "Mix per user, per 20 turns (each user starting at its own place in it): 14 inbox reads (`GET /api/tasks?take=20`), 5 progress reports",
            "(`POST /api/tasks/{id}/progress` on a seed county task of the user's agency), 1 completion (`POST /api/tasks/{id}/complete` of the",
            "next task of the user's pool; a progress report once the pool is used up, which happens early: the pool is small). Errors = non-2xx other than 409 plus socket errors;",
            "409 (conflict: two users of one agency reporting on the same task at once) counted apart. Target: p99 ≤ 200 ms, 0 errors.",
            "",
            "| provider | hosts | users | think (ms) | seconds | requests | requests/s | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | inbox / progress / complete sent | 2xx | 409 | errors | p99 ≤ 200 ms, 0 errors? |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        };
        var notes = new List<string>();
        foreach (var provider in providers)
        {
            var (rows, note) = await OneAsync(provider, users, seconds, thinkMs);
            lines.AddRange(rows);
            notes.AddRange(note);
        }
        lines.Add("");
        lines.AddRange(notes);
        Results.Append("HTTP load: county users through the API (issue 14 item 8)", command, lines);
    }

    private static async Task<(List<string> Rows, List<string> Notes)> OneAsync(string provider, int users, int seconds, int thinkMs)
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
            var rows = new List<string>();
            var notes = new List<string>();
            double rate = 0;
            foreach (var think in new[] { thinkMs, 0 })
            {
                var wrk = $"PF_LOAD_THINK_MS={think} wrk -t{Threads} -c{users} -d{seconds}s --timeout 10s --latency -s bench/http/load.lua {hosts[0].Address.ToString().TrimEnd('/')}";
                Console.WriteLine($"{provider}: set up in {setUpSeconds:F0} s; {wrk}");
                var output = await RunWrkAsync(script, data, users, seconds, think, hosts[0].Address);
                Console.WriteLine(output);
                var result = Parse(output);
                await using var after = factory.Create();
                var completed = await after.Tasks.CountAsync(t => t.ActivityId == "county-task" && t.Status == WorkTaskStatus.Completed);
                var errors = result["other"] + result["connect"] + result["read"] + result["write"] + result["timeout"];
                rate = result["requests"] / (result["duration_us"] / 1e6);
                double Ms(string key) => result[key] / 1000.0;
                var met = Ms("p99_us") <= 200 && errors == 0;
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {provider} | {hosts.Count} | {users} | {(think == 0 ? "0 (closed loop)" : think.ToString(CultureInfo.InvariantCulture))} | {seconds} | {result["requests"]:N0} | {rate:F0} | {Ms("p50_us"):F1} | {Ms("p90_us"):F1} | {Ms("p99_us"):F1} | {Ms("max_us"):F0} | {result["inbox"]:N0} / {result["progress"]:N0} / {result["complete"]:N0} | {result["ok"]:N0} | {result["conflict"]:N0} | {errors:N0} | {(met ? "met" : "**no**")} |"));
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{provider}, think {think} ms: wrk command `PF_LOAD_USERS=… PF_LOAD_THREADS={Threads} {wrk}`; set-up (cascades, users, tokens) {setUpSeconds:F0} s, not measured; {completed} county tasks completed in the database afterwards; socket errors connect/read/write/timeout {result["connect"]}/{result["read"]}/{result["write"]}/{result["timeout"]}."));
            }
            File.Delete(data);
            var probe = await HttpProbe.RunAsync(factory, made);
            notes.AddRange(
            [
                "",
                string.Create(CultureInfo.InvariantCulture,
                    $"{provider}: where a request's time goes (`HttpProbe`). Under the closed loop, by Little's law, {users} busy users ÷ {rate:F0} requests/s = {users / rate * 1000:F0} ms per request, of which the server's own time is the figure below (one request at a time, no queue); the rest is waiting for the 2 cores."),
                "",
                .. HttpProbe.Table(probe),
                "",
            ]);
            return (rows, notes);
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

    private const int Threads = 2;

    private static async Task<string> RunWrkAsync(string script, string data, int connections, int seconds, int thinkMs, Uri url)
    {
        var info = new ProcessStartInfo("wrk", ["-t" + Threads, "-c" + connections, $"-d{seconds}s", "--timeout", "10s", "--latency", "-s", script, url.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.Environment["PF_LOAD_USERS"] = data;
        info.Environment["PF_LOAD_THREADS"] = Threads.ToString(CultureInfo.InvariantCulture);
        info.Environment["PF_LOAD_THINK_MS"] = thinkMs.ToString(CultureInfo.InvariantCulture);
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
