namespace PolicyFlow.Directories;

/// <summary>One agency: a kind of work in one region, e.g. <c>jx-330102</c> 上城区经信局.</summary>
/// <param name="Id">Stable, readable id <c>{kind}-{regionCode}</c>.</param>
/// <param name="Name">The provincial full name, or the conventional local name (杭州市经信局).</param>
/// <param name="Aliases">Other names documents use for it; <see cref="AgencyCatalog.Resolve"/> matches them all.</param>
/// <param name="Email">Contact address; the catalog's value is a placeholder administrators replace in the application.</param>
public sealed record Agency(
    string Id,
    string Name,
    string KindCode,
    string RegionCode,
    IReadOnlyList<string> Aliases,
    string? Email);
