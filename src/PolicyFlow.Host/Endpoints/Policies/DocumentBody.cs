using PolicyFlow.Policies;

namespace PolicyFlow.Host.Endpoints.Policies;

/// <summary>Reads a policy document from the request: raw text, or the first file of a form upload, as UTF-8.</summary>
internal static class DocumentBody
{
    /// <summary>One byte over the parser's limit is enough for it to say the document is too large.</summary>
    public const long MaxRequestBytes = PolicyDocumentParser.MaxBytes + (1024 * 1024);

    public static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.FirstOrDefault();
            if (file is null)
            {
                return System.Text.Encoding.UTF8.GetBytes(form["text"].ToString());
            }
            await using var upload = file.OpenReadStream();
            return await ReadAllAsync(upload, cancellationToken);
        }
        return await ReadAllAsync(request.Body, cancellationToken);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
