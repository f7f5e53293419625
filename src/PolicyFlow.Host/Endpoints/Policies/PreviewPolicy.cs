using Microsoft.AspNetCore.Http.Metadata;
using PolicyFlow.Activities.Directories;
using PolicyFlow.Activities.Policies;

namespace PolicyFlow.Host.Endpoints.Policies;

/// <summary>POST a document (text/plain or a file upload) → what the importer read, to check before publishing. Stores nothing.</summary>
internal static class PreviewPolicy
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("/preview", async (HttpContext http, AgencyCatalog catalog, CancellationToken ct) =>
    {
        var bytes = await DocumentBody.ReadAsync(http.Request, ct);
        return PolicyDocumentParser.Parse(bytes, catalog);
    }).WithMetadata(new RequestSizeLimitMetadata(DocumentBody.MaxRequestBytes)).DisableAntiforgery();

    private sealed class RequestSizeLimitMetadata(long limit) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => limit;
    }
}
