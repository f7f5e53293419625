using PolicyFlow.Policies;
using PolicyFlow.Policies.Corrections;
using PolicyFlow.Activities.Publishing;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Host.Application;

/// <summary>
/// A refusal: the caller's request cannot be done (not allowed, not found, a conflict, a malformed definition or document).
/// The one table of refusals, read by the API (its ProblemDetails) and by <see cref="UseCaseAudit"/> (the status it records
/// for a refused Studio action), so the two always agree. Anything not listed is a fault of ours, not a refusal.
/// </summary>
internal sealed record Refusal(int Status, string Title, string Detail, IReadOnlyDictionary<string, object?>? Extensions = null)
{
    public static Refusal? Of(Exception exception) => exception switch
    {
        InvalidDefinitionException e => new(400, "工作流定义无效 Invalid workflow definition", e.Message,
            new Dictionary<string, object?> { ["errors"] = e.Errors.Select(x => new { path = x.Path, message = x.Message }).ToArray() }),
        PolicyFormatException { Error: PolicyFormatError.TooLarge } e => new(413, "文件过大 Document too large", e.Message),
        PolicyFormatException e => new(400, "无法导入的文件 Document cannot be imported", e.Message,
            new Dictionary<string, object?> { ["reason"] = e.Error.ToString() }),
        PolicyImportException e => new(400, "政策尚不能发布 Policy cannot be published yet", e.Message,
            new Dictionary<string, object?> { ["problems"] = e.Problems }),
        PolicyCorrectionException e => new(400, "更正无法应用 Correction cannot be applied", e.Message,
            new Dictionary<string, object?> { ["correction"] = e.Index, ["reason"] = e.Reason }),
        AccessDeniedException e => new(403, "无权操作 Not allowed", e.Message),
        EngineException { Error: EngineError.NotFound } e => new(404, "未找到 Not found", e.Message),
        EngineException { Error: EngineError.Conflict } e => new(409, "状态冲突 Conflict", e.Message),
        EngineException e => new(400, "请求无效 Invalid request", e.Message),
        System.Text.Json.JsonException e => new(400, "JSON 无效 Invalid JSON", e.Message),
        _ => null,
    };
}
