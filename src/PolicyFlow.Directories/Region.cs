namespace PolicyFlow.Directories;

/// <summary>An administrative division identified by its GB/T 2260 code, e.g. 330102 上城区.</summary>
public sealed record Region(string Code, string Name, RegionLevel Level, string? ParentCode);
