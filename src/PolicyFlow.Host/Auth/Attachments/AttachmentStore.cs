using System.Globalization;
using System.Security.Cryptography;

namespace PolicyFlow.Host.Auth.Attachments;

/// <summary>
/// Files under <c>data/uploads/{yyyy}/{guid}</c> beside the database, outside the web root, under names PolicyFlow makes:
/// nothing the uploader sends becomes part of a path.
/// </summary>
internal sealed class AttachmentStore(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Copies <paramref name="content"/> to a new file; returns the relative path, size and SHA-256.</summary>
    public async Task<(string StoredPath, long Size, string Sha256)> SaveAsync(Guid id, DateTimeOffset at, Stream content, CancellationToken cancellationToken)
    {
        var relative = Path.Combine(at.Year.ToString("0000", CultureInfo.InvariantCulture), id.ToString("N"));
        var full = FullPath(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        await using (var file = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                size += read;
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        return (relative.Replace('\\', '/'), size, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    /// <summary>Removes a file whose row was never committed (its upload was refused after the bytes were stored).</summary>
    public void Delete(string storedPath) => File.Delete(FullPath(storedPath));

    public Stream OpenRead(string storedPath) => new FileStream(FullPath(storedPath), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    /// <summary>Resolves a stored path, refusing anything that would leave the uploads folder.</summary>
    private string FullPath(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relative));
        return full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new InvalidOperationException($"'{relative}' is outside the uploads folder.");
    }
}
