using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PolicyFlow.Host.Application.Supervision;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Endpoints.Reports;

/// <summary>
/// Supervision (<c>/api/reports</c>): warning lights, the matrix, the overdue list, the ranking, the trend and the ledger
/// export — thin adapters over the use cases the Studio's pages call, scoped by the caller.
/// </summary>
internal static class ReportEndpoints
{
    public static void MapReportEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/reports").WithTags("Reports")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/warning-lights", async ([AsParameters] LightSummary.Request request, LightSummary useCase, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await useCase.HandleAsync(Caller.From(http.User), request, ct)));
        group.MapGet("/matrix", async ([AsParameters] MatrixReport.Request request, MatrixReport useCase, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await useCase.HandleAsync(Caller.From(http.User), request, ct)));
        group.MapGet("/overdue", async ([AsParameters] OverdueQuery query, OverdueList useCase, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await useCase.HandleAsync(Caller.From(http.User), query.ToRequest(), ct)));
        group.MapGet("/ranking", async ([AsParameters] RankingReport.Request request, RankingReport useCase, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await useCase.HandleAsync(Caller.From(http.User), request, ct)));
        group.MapGet("/ranking/rules", () => TypedResults.Ok(RankingReport.Rules.Select(r => new FigureRule(r.ZhCn, r.En)).ToList()));
        group.MapGet("/trend", async ([AsParameters] TrendQuery query, TrendReport useCase, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await useCase.HandleAsync(Caller.From(http.User), new TrendReport.Request(query.PolicyId, query.MeasureNo, query.Months ?? 6), ct)));
        group.MapGet("/export", async ([AsParameters] LedgerExport.Request request, LedgerExport useCase, HttpContext http, CancellationToken ct) =>
        {
            var export = await useCase.HandleAsync(Caller.From(http.User), request, ct);
            return TypedResults.File(export.Content, LedgerExport.ContentType, export.FileName);
        }).Produces(StatusCodes.Status200OK, typeof(Stream), LedgerExport.ContentType);
        group.MapBulletinEndpoints();
        group.MapPost("/urge/preview", async (UrgeBody body, UrgeTasks useCase, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await useCase.PreviewAsync(Caller.From(http.User), body.TaskIds ?? [], ct)));
        group.MapPost("/urge", async (UrgeBody body, UrgeTasks useCase, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await useCase.HandleAsync(Caller.From(http.User), new UrgeTasks.Request(body.TaskIds ?? [], body.Message), ct)));
        api.MapPost("/tasks/{id:guid}/urge", async (Guid id, [FromBody] UrgeOne? body, UrgeTasks useCase, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await useCase.OneAsync(Caller.From(http.User), id, body?.Message, ct))).WithTags("Tasks");
    }

    internal sealed record UrgeBody(IReadOnlyList<Guid>? TaskIds, string? Message);

    internal sealed record UrgeOne(string? Message);

    internal sealed record TrendQuery(string? PolicyId, int? MeasureNo, int? Months);

    internal sealed record OverdueQuery(string? PolicyId, int? MeasureNo, string? Kind, string? Region, string? Step, string? Light, int? MinDaysOverdue,
        int? Page, int? PageSize)
    {
        public OverdueList.Request ToRequest() => new(PolicyId, MeasureNo, Kind, Region, Step, Light, MinDaysOverdue, Page ?? 1, PageSize ?? 50);
    }
}
