using PolicyFlow.Directories;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Application.Supervision;

/// <summary>
/// What a caller's supervision reports cover. Leadership, the policy office and administrators of the province see every
/// task; those of a city see the city and its counties, of a county the county. An agency's staff see their own line in
/// their region and below (a city's 经信局 the city's and its counties' 经信 tasks), plus every task of the measures their
/// agency leads. Anyone else sees nothing.
/// </summary>
internal sealed record ReportScope(bool Everything, string? Kind, Region? Region, string? LeadAgency)
{
    public static ReportScope For(Caller caller, AgencyCatalog catalog, RegionDirectory regions)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(regions);
        var agency = catalog.Find(caller.AgencyId);
        var region = agency is null ? null : regions.Find(agency.RegionCode);
        if (Capabilities.Has(caller, Capabilities.ReportAll))
        {
            return region is null || region.Level == RegionLevel.Province ? new ReportScope(true, null, null, null) : new ReportScope(false, null, region, null);
        }
        if (Capabilities.Has(caller, Capabilities.ReportScoped) && agency is not null && region is not null)
        {
            return new ReportScope(false, agency.KindCode, region, agency.Id);
        }
        throw new AccessDeniedException("你的账号没有督查报表权限。 Your account has no access to supervision reports.");
    }

    /// <summary>Whether the matrix (every measure × every region) makes sense for this caller: not for a county's view.</summary>
    public bool SeesMatrix => Everything || Region?.Level != RegionLevel.County;

    public IQueryable<TaskFacts> Apply(IQueryable<TaskFacts> rows, PolicyFlowDbContext db)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(db);
        if (Everything)
        {
            return rows;
        }
        var code = Region!.Code;
        var province = Region.Level == RegionLevel.Province;
        var city = Region.Level == RegionLevel.City;
        var kind = Kind;
        var lead = LeadAgency;
        var led = db.Measures.Where(m => m.LeadAgencyId == lead);
        return rows.Where(r =>
            ((kind == null || r.AgencyKind == kind) && (province || r.RegionCode == code || (city && r.CityCode == code)))
            || (lead != null && led.Any(m => m.PolicyId == r.PolicyId && m.Number == r.MeasureNo)));
    }
}
