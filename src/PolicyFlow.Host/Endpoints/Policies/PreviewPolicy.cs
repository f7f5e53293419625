using Microsoft.AspNetCore.Http.Metadata;
using PolicyFlow.Host.Auth;
using UseCase = PolicyFlow.Host.Application.Policies.PreviewPolicy;

namespace PolicyFlow.Host.Endpoints.Policies;

/// <summary>POST a document (text/plain or a file upload) → what the importer read, to check before publishing. Stores nothing.</summary>
internal static class PreviewPolicy
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("/preview", async (bool? allowIncomplete, HttpContext http, UseCase useCase, CancellationToken ct) =>
    {
        var bytes = await DocumentBody.ReadAsync(http.Request, ct);
        // The policy office may import a document that looks cut off, once it has checked the original ends that way.
        return await useCase.ReadAsync(Caller.From(http.User), bytes, allowIncomplete == true, ct);
    }).WithMetadata(new RequestSizeLimitMetadata(DocumentBody.MaxRequestBytes)).DisableAntiforgery();

    private sealed class RequestSizeLimitMetadata(long limit) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => limit;
    }
}
