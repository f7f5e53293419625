using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PolicyFlow.Bench.Drills;

/// <summary>
/// County users reporting progress through the API in a closed loop (each user its own client and bearer token), and other
/// county users each completing their agency's task once, at moments spread over the run. Each progress note is unique, and
/// every request's answer is logged: a 2xx is an acknowledged write, which the drill later looks for in the database.
/// Nothing is retried.
/// </summary>
internal sealed class AcknowledgedLoad
{
    private readonly ConcurrentQueue<Answer> _answers = new();
    private readonly Stopwatch _clock;

    private AcknowledgedLoad(Stopwatch clock)
    {
        _clock = clock;
    }

    /// <summary>One request: when it was answered (since the load began), on which host, its status (0: no answer), what it wrote.</summary>
    public sealed record Answer(TimeSpan At, Uri Host, int Status, string Kind, Guid Task, string? Note)
    {
        public bool Acknowledged => Status is >= 200 and < 300;
    }

    public const string Progress = "progress";
    public const string Complete = "complete";

    public IReadOnlyCollection<Answer> Answers => _answers;

    /// <summary>
    /// Runs the reporters until <paramref name="stop"/> is cancelled, a <paramref name="pause"/> after each answer; completer k
    /// of n completes its pool at k/n of <paramref name="spread"/>. <paramref name="clock"/> times the answers.
    /// </summary>
    public static async Task<AcknowledgedLoad> RunAsync(IReadOnlyList<CountyUsers.User> reporters, IReadOnlyList<CountyUsers.User> completers,
        Stopwatch clock, TimeSpan pause, TimeSpan spread, CancellationToken stop)
    {
        var load = new AcknowledgedLoad(clock);
        await Task.WhenAll([
            .. reporters.Select(u => load.ReportAsync(u, pause, stop)),
            .. completers.Select((u, k) => load.CompleteAsync(u, spread * (k + 0.5) / completers.Count, stop)),
        ]);
        return load;
    }

    private async Task ReportAsync(CountyUsers.User user, TimeSpan pause, CancellationToken stop)
    {
        using var client = Client(user);
        for (var n = 1; !stop.IsCancellationRequested; n++)
        {
            var note = $"drill-c {user.Name} 第{n}次报送";
            await SendAsync(client, user, Progress, user.Progress[0], note, new JsonObject { ["note"] = note, ["percent"] = n % 100 });
            if (!await PauseAsync(pause, stop))
            {
                return;
            }
        }
    }

    private async Task CompleteAsync(CountyUsers.User user, TimeSpan at, CancellationToken stop)
    {
        using var client = Client(user);
        foreach (var task in user.Complete)
        {
            if (!await PauseAsync(at - _clock.Elapsed, stop))
            {
                return;
            }
            await SendAsync(client, user, Complete, task, null, new JsonObject { ["outcome"] = "Done", ["comment"] = "已落实" });
        }
    }

    private async Task SendAsync(HttpClient client, CountyUsers.User user, string kind, Guid task, string? note, JsonObject body)
    {
        var status = 0;
        try
        {
            using var response = await client.PostAsJsonAsync($"/api/tasks/{task}/{kind}", body, CancellationToken.None);
            status = (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // No answer: neither acknowledged nor refused.
        }
        _answers.Enqueue(new Answer(_clock.Elapsed, user.Host, status, kind, task, note));
    }

    private static HttpClient Client(CountyUsers.User user)
    {
        var client = new HttpClient { BaseAddress = user.Host, Timeout = TimeSpan.FromSeconds(30) };
        Testing.PolicyFlowAccounts.UseToken(client, user.Token);
        return client;
    }

    /// <summary>Waits; false when the load is stopped meanwhile.</summary>
    private static async Task<bool> PauseAsync(TimeSpan pause, CancellationToken stop)
    {
        try
        {
            await Task.Delay(pause > TimeSpan.Zero ? pause : TimeSpan.Zero, stop);
            return !stop.IsCancellationRequested;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
