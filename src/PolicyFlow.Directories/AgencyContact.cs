namespace PolicyFlow.Directories;

/// <summary>An administrator's edit of an agency's contact details; the catalog's placeholder address applies until one exists.</summary>
public sealed class AgencyContact
{
    public required string AgencyId { get; set; }
    public required string Email { get; set; }
    public string? ContactName { get; set; }
    public string? Phone { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}
