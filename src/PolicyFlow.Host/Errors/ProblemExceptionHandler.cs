using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace PolicyFlow.Host.Errors;

/// <summary>Turns refusals into ProblemDetails a person can act on; anything else is a 500 without internals.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, extensions) = Application.Refusal.Of(exception) is { } refusal
            ? (refusal.Status, refusal.Title, refusal.Detail, refusal.Extensions)
            : exception switch
            {
                Application.Supervision.BulletinFontMissingException e => (503, "缺少字体 Font missing", e.Message, null),
                // The database away for a moment (restarting, failing over): the client may try again, unlike after a 500.
                _ when DatabaseAway(exception) => (503, "数据库暂不可用 Database unavailable",
                    "数据库暂时无法连接，请稍后重试。 The database is not answering for the moment; try again shortly.", null),
                BadHttpRequestException e => (e.StatusCode, "请求无效 Invalid request", e.Message, null),
                // System.Text.Json reports bytes that are not UTF-8 (in a name it must turn into text) this way, not as JsonException.
                InvalidOperationException { InnerException: System.Text.DecoderFallbackException } => (400, "JSON 无效 Invalid JSON",
                    "请求正文不是有效的 UTF-8 文本。 The request body is not valid UTF-8 text.", null),
                // The form reader's limits (a field over 4 MB, too many fields): the client's input, not a fault of ours.
                InvalidDataException e when httpContext.Request.HasFormContentType => (400, "表单无效 Invalid form",
                    $"{e.Message} 大文件请作为文件上传，或以 text/plain 发送。 Send a large document as a file upload or as text/plain.", null),
                _ => (500, "服务器错误 Server error", "An unexpected error occurred; it has been logged.", (IReadOnlyDictionary<string, object?>?)null),
            };
        if (status == 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }
        if (status == 503)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }
        httpContext.Response.StatusCode = status;
        var details = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            details.Extensions[key] = value;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    /// <summary>A transient database failure anywhere in the chain (EF and the engine wrap it); the engine has retried it already.</summary>
    private static bool DatabaseAway(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is System.Data.Common.DbException { IsTransient: true })
            {
                return true;
            }
        }
        return false;
    }
}
