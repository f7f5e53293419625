using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using PolicyFlow.Policies;
using PolicyFlow.Policies.Corrections;
using PolicyFlow.Activities.Publishing;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Host.Errors;

/// <summary>Turns refusals into ProblemDetails a person can act on; anything else is a 500 without internals.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, extensions) = exception switch
        {
            InvalidDefinitionException e => (400, "工作流定义无效 Invalid workflow definition", e.Message,
                new Dictionary<string, object?> { ["errors"] = e.Errors.Select(x => new { path = x.Path, message = x.Message }).ToArray() }),
            PolicyFormatException { Error: PolicyFormatError.TooLarge } e => (413, "文件过大 Document too large", e.Message, null),
            PolicyFormatException e => (400, "无法导入的文件 Document cannot be imported", e.Message,
                new Dictionary<string, object?> { ["reason"] = e.Error.ToString() }),
            PolicyImportException e => (400, "政策尚不能发布 Policy cannot be published yet", e.Message,
                new Dictionary<string, object?> { ["problems"] = e.Problems }),
            Application.Supervision.BulletinFontMissingException e => (503, "缺少字体 Font missing", e.Message, null),
            PolicyCorrectionException e => (400, "更正无法应用 Correction cannot be applied", e.Message,
                new Dictionary<string, object?> { ["correction"] = e.Index, ["reason"] = e.Reason }),
            Application.AccessDeniedException e => (403, "无权操作 Not allowed", e.Message, null),
            EngineException { Error: EngineError.NotFound } e => (404, "未找到 Not found", e.Message, null),
            EngineException { Error: EngineError.Conflict } e => (409, "状态冲突 Conflict", e.Message, null),
            EngineException e => (400, "请求无效 Invalid request", e.Message, null),
            BadHttpRequestException e => (e.StatusCode, "请求无效 Invalid request", e.Message, null),
            JsonException e => (400, "JSON 无效 Invalid JSON", e.Message, null),
            // System.Text.Json reports bytes that are not UTF-8 (in a name it must turn into text) this way, not as JsonException.
            InvalidOperationException { InnerException: System.Text.DecoderFallbackException } => (400, "JSON 无效 Invalid JSON",
                "请求正文不是有效的 UTF-8 文本。 The request body is not valid UTF-8 text.", null),
            // The form reader's limits (a field over 4 MB, too many fields): the client's input, not a fault of ours.
            InvalidDataException e when httpContext.Request.HasFormContentType => (400, "表单无效 Invalid form",
                $"{e.Message} 大文件请作为文件上传，或以 text/plain 发送。 Send a large document as a file upload or as text/plain.", null),
            _ => (500, "服务器错误 Server error", "An unexpected error occurred; it has been logged.", null),
        };
        if (status == 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }
        httpContext.Response.StatusCode = status;
        var details = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? [])
        {
            details.Extensions[key] = value;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }
}
