using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PolicyFlow.Host.Errors;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Errors;

/// <summary>What a client is told when the database is away: try again (503), not a server fault (500).</summary>
public sealed class ProblemExceptionHandlerTests
{
    [Fact]
    public async Task DatabaseNotAnswering_Is503WithRetryAfter_EvenWrappedAsEntityFrameworkWrapsIt()
    {
        var refused = await RefusedConnectionAsync();
        Assert.True(refused.IsTransient);

        var (status, retryAfter, body) = await HandleAsync(new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", refused));

        Assert.Equal((503, "5"), (status, retryAfter));
        Assert.Equal("数据库暂不可用 Database unavailable", body.GetProperty("title").GetString());
        Assert.Contains("try again shortly", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnyOtherFailure_StaysA500WithoutInternals()
    {
        var (status, retryAfter, body) = await HandleAsync(new InvalidOperationException("Sequence contains no elements"));

        Assert.Equal((500, ""), (status, retryAfter));
        Assert.DoesNotContain("Sequence", body.GetProperty("detail").GetString());
    }

    /// <summary>A real refusal: Npgsql connecting to a loopback port nothing listens on.</summary>
    private static async Task<NpgsqlException> RefusedConnectionAsync()
    {
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={FreePort.Next()};Username=pf;Password=pf;Pooling=false;Timeout=5");
        return await Assert.ThrowsAsync<NpgsqlException>(() => connection.OpenAsync());
    }

    private static async Task<(int Status, string RetryAfter, JsonElement Body)> HandleAsync(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        await using var _ = services;
        using var body = new MemoryStream();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Path = "/api/tasks/1/progress";
        http.Response.Body = body;
        var handler = new ProblemExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<ProblemExceptionHandler>.Instance);

        Assert.True(await handler.TryHandleAsync(http, exception, CancellationToken.None));

        using var json = JsonDocument.Parse(body.ToArray());
        return (http.Response.StatusCode, http.Response.Headers.RetryAfter.ToString(), json.RootElement.Clone());
    }
}
