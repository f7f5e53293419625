using Microsoft.AspNetCore.Http.Metadata;
using PolicyFlow.Activities.Directories;
using PolicyFlow.Activities.Policies;

namespace PolicyFlow.Host.Endpoints.Policies;

/// <summary>POST a document (text/plain or a file upload) → what the importer read, to check before publishing. Stores nothing.</summary>
internal static class PreviewPolicy
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("/preview", async (bool? allowIncomplete, HttpContext http, AgencyCatalog catalog, CancellationToken ct) =>
    {
        var bytes = await DocumentBody.ReadAsync(http.Request, ct);
        // The policy office may import a document that looks cut off, once it has checked the original ends that way.
        return PolicyDocumentParser.Parse(bytes, catalog, new PolicyParseOptions { AllowIncomplete = allowIncomplete == true });
    }).WithMetadata(new RequestSizeLimitMetadata(DocumentBody.MaxRequestBytes)).DisableAntiforgery();

    private sealed class RequestSizeLimitMetadata(long limit) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => limit;
    }
}
