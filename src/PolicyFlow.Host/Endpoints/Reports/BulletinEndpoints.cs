using Microsoft.AspNetCore.Mvc;
using PolicyFlow.Host.Application.Supervision;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Endpoints.Reports;

/// <summary>通报: the bulletin of a period as JSON and as a PDF, over the same use case as the Studio's printable page.</summary>
internal static class BulletinEndpoints
{
    public static void MapBulletinEndpoints(this RouteGroupBuilder reports)
    {
        reports.MapGet("/bulletin", async ([AsParameters] BulletinReport.Request request, BulletinReport useCase, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await useCase.HandleAsync(Caller.From(http.User), request, ct)));
        reports.MapGet("/bulletin.pdf", async ([AsParameters] BulletinReport.Request request, BulletinPdf useCase, HttpContext http, CancellationToken ct) =>
            {
                var pdf = await useCase.HandleAsync(Caller.From(http.User), request, ct);
                return TypedResults.File(pdf.Content, BulletinPdf.ContentType, pdf.FileName);
            })
            .Produces(StatusCodes.Status200OK, typeof(Stream), BulletinPdf.ContentType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }
}
