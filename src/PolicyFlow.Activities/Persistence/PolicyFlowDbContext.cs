using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Directories;
using PolicyFlow.Activities.Publishing;
using PolicyFlow.Engine.Persistence;

namespace PolicyFlow.Activities.Persistence;

/// <summary>PolicyFlow's database: the engine's tables plus policies, measures and agency contacts.</summary>
public abstract class PolicyFlowDbContext(DbContextOptions options) : EngineDbContext(options)
{
    public DbSet<PolicyRecord> Policies => Set<PolicyRecord>();
    public DbSet<MeasureRecord> Measures => Set<MeasureRecord>();
    public DbSet<AgencyContact> AgencyContacts => Set<AgencyContact>();
    public DbSet<Extensions.ExtensionRequest> Extensions => Set<Extensions.ExtensionRequest>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<PolicyRecord>(e =>
        {
            e.ToTable("pf_policies");
            e.Property(x => x.Id).HasMaxLength(100);
            e.Property(x => x.Title).HasMaxLength(500);
            e.Property(x => x.DocumentNumber).HasMaxLength(100);
            e.Property(x => x.EffectiveRule).HasMaxLength(200);
            e.Property(x => x.ImportedBy).HasMaxLength(200);
            e.HasMany(x => x.Measures).WithOne().HasForeignKey(m => m.PolicyId);
        });
        modelBuilder.Entity<MeasureRecord>(e =>
        {
            e.ToTable("pf_measures");
            e.HasKey(x => new { x.PolicyId, x.Number });
            e.Property(x => x.NumberText).HasMaxLength(20);
            e.Property(x => x.SectionTitle).HasMaxLength(200);
            e.Property(x => x.Title).HasMaxLength(500);
            e.Property(x => x.LeadAgencyId).HasMaxLength(100);
            e.Property(x => x.DefinitionId).HasMaxLength(100);
        });
        modelBuilder.Entity<Extensions.ExtensionRequest>(e =>
        {
            e.ToTable("pf_extensions");
            e.Property(x => x.RequestedBy).HasMaxLength(200);
            e.Property(x => x.DecidedBy).HasMaxLength(200);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.DecisionComment).HasMaxLength(2000);
            e.HasIndex(x => x.TaskId);
        });
        modelBuilder.Entity<AgencyContact>(e =>
        {
            e.ToTable("pf_agency_contacts");
            e.HasKey(x => x.AgencyId);
            e.Property(x => x.AgencyId).HasMaxLength(100);
            e.Property(x => x.Email).HasMaxLength(320);
            e.Property(x => x.ContactName).HasMaxLength(100);
            e.Property(x => x.Phone).HasMaxLength(50);
            e.Property(x => x.UpdatedBy).HasMaxLength(200);
        });
    }
}
