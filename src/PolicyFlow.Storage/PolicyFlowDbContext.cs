using Microsoft.EntityFrameworkCore;
using PolicyFlow.Directories;
using PolicyFlow.Activities.Publishing;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Persistence;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Auth.Attachments;

namespace PolicyFlow.Activities.Persistence;

/// <summary>PolicyFlow's database: the engine's tables plus policies, measures, agency contacts and the files attached to tasks.</summary>
public abstract class PolicyFlowDbContext(DbContextOptions options) : EngineDbContext(options)
{
    public DbSet<PolicyRecord> Policies => Set<PolicyRecord>();
    public DbSet<MeasureRecord> Measures => Set<MeasureRecord>();
    public DbSet<PolicyCorrectionRecord> PolicyCorrections => Set<PolicyCorrectionRecord>();
    public DbSet<AgencyContact> AgencyContacts => Set<AgencyContact>();
    public DbSet<Postponements.ExtensionRequest> Extensions => Set<Postponements.ExtensionRequest>();
    public DbSet<TaskFacts> TaskFacts => Set<TaskFacts>();
    public DbSet<TaskUrge> Urges => Set<TaskUrge>();
    public DbSet<ReportDay> ReportDays => Set<ReportDay>();
    public DbSet<TaskComment> Comments => Set<TaskComment>();
    public DbSet<InboxView> InboxViews => Set<InboxView>();
    public DbSet<Notifications.InAppNotice> Notices => Set<Notifications.InAppNotice>();
    public DbSet<Notifications.InAppNoticeRead> NoticeReads => Set<Notifications.InAppNoticeRead>();

    /// <summary>Evidence (佐证材料): in this context so an upload commits in the transaction that checks and changes its task.</summary>
    public DbSet<TaskAttachment> Attachments => Set<TaskAttachment>();

    /// <summary>An open task (open or claimed), as SQL for partial indexes; the same text on SQLite and PostgreSQL.</summary>
    private const string OpenFilter = "\"Status\" IN ('Open', 'Claimed')";

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
            e.HasMany(x => x.Corrections).WithOne().HasForeignKey(c => c.PolicyId);
        });
        modelBuilder.Entity<PolicyCorrectionRecord>(e =>
        {
            e.ToTable("pf_policy_corrections");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Label).HasMaxLength(100);
            e.Property(x => x.By).HasMaxLength(200);
            e.HasIndex(x => new { x.PolicyId, x.Seq }).IsUnique();
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
        modelBuilder.Entity<Postponements.ExtensionRequest>(e =>
        {
            e.ToTable("pf_extensions");
            e.Property(x => x.RequestedBy).HasMaxLength(200);
            e.Property(x => x.DecidedBy).HasMaxLength(200);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.DecisionComment).HasMaxLength(2000);
            e.HasIndex(x => x.TaskId);
            e.HasIndex(x => new { x.Status, x.DecidedAt });
        });
        modelBuilder.Entity<TaskFacts>(e =>
        {
            e.ToTable("pf_task_facts");
            e.HasKey(x => x.TaskId);
            e.HasOne<WorkTask>().WithOne().HasForeignKey<TaskFacts>(x => x.TaskId);
            e.Property(x => x.PolicyId).HasMaxLength(100);
            e.Property(x => x.MeasureTitle).HasMaxLength(500);
            e.Property(x => x.Step).HasMaxLength(32);
            e.Property(x => x.AgencyKind).HasMaxLength(32);
            e.Property(x => x.RegionCode).HasMaxLength(12);
            e.Property(x => x.CityCode).HasMaxLength(12);
            // No (PolicyId, MeasureNo, Step) index: SQLite preferred it to the covering matrix index and read table rows.
            e.HasIndex(x => new { x.CityCode, x.RegionCode });
            e.HasIndex(x => new { x.AgencyKind, x.RegionLevel });
            e.Property(x => x.Assignee).HasMaxLength(100);
            // Covering indexes for the supervision reports (Host/Application/Supervision): each report reads one of them
            // and never the table. The matrix: a policy's tasks by measure and column.
            e.HasIndex(x => new { x.PolicyId, x.RegionLevel, x.MeasureNo, x.Assignee, x.CityCode, x.RegionCode, x.Status, x.DueAt, x.Step })
                .HasDatabaseName("IX_pf_task_facts_matrix");
            // The open tasks, most overdue first (逾期清单, light summaries), all policies and one policy.
            e.HasIndex(x => new { x.DueAt, x.TaskId, x.Status, x.PolicyId, x.MeasureNo, x.RegionLevel, x.Assignee, x.CityCode, x.RegionCode })
                .HasFilter(OpenFilter).HasDatabaseName("IX_pf_task_facts_open");
            e.HasIndex(x => new { x.PolicyId, x.DueAt, x.TaskId, x.Status, x.MeasureNo, x.RegionLevel, x.Assignee, x.CityCode, x.RegionCode })
                .HasFilter(OpenFilter).HasDatabaseName("IX_pf_task_facts_open_policy");
            // The ranking: tasks due in a period, with their completion.
            e.HasIndex(x => new { x.DueAt, x.RegionLevel, x.Status, x.CompletedAt, x.Assignee, x.CityCode, x.RegionCode, x.PolicyId, x.DueDay, x.CompletedDay })
                .HasDatabaseName("IX_pf_task_facts_due");
            e.HasIndex(x => new { x.CreatedAt, x.RegionLevel, x.Assignee, x.CityCode, x.RegionCode, x.PolicyId })
                .HasFilter("\"Round\" > 1").HasDatabaseName("IX_pf_task_facts_returns");
            // The tasks completed after their due instant, for the ranking's working days late.
            e.HasIndex(x => new { x.DueAt, x.Status, x.RegionLevel, x.CompletedAt, x.CompletedDay, x.Assignee, x.CityCode, x.RegionCode, x.PolicyId })
                .HasFilter("\"CompletedAt\" > \"DueAt\"").HasDatabaseName("IX_pf_task_facts_late");
        });
        modelBuilder.Entity<ReportDay>(e =>
        {
            e.ToTable("pf_report_days");
            // A period's rows of one kind are one range of the key; what is overdue now reads the days with open tasks.
            e.HasKey(x => new { x.Of, x.Day, x.Key });
            e.Property(x => x.Of).HasMaxLength(16);
            e.Property(x => x.Key).HasMaxLength(100);
            e.HasIndex(x => new { x.Of, x.Day, x.Key, x.Pending }).HasFilter("\"Pending\" > 0").HasDatabaseName("IX_pf_report_days_pending");
        });
        modelBuilder.Entity<TaskUrge>(e =>
        {
            e.ToTable("pf_task_urges");
            e.Property(x => x.By).HasMaxLength(200);
            e.Property(x => x.Message).HasMaxLength(1000);
            e.HasIndex(x => new { x.TaskId, x.Day }).IsUnique();
            e.HasIndex(x => x.At);
        });
        modelBuilder.Entity<InboxView>(e =>
        {
            e.ToTable("pf_inbox_views");
            e.Property(x => x.UserName).HasMaxLength(200);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.FilterJson).HasMaxLength(8000);
            e.HasIndex(x => new { x.UserName, x.Name }).IsUnique();
        });
        modelBuilder.Entity<TaskComment>(e =>
        {
            e.ToTable("pf_task_comments");
            e.Property(x => x.By).HasMaxLength(200);
            e.Property(x => x.Text).HasMaxLength(4000);
            e.HasIndex(x => new { x.TaskId, x.At });
        });
        modelBuilder.Entity<Notifications.InAppNotice>(e =>
        {
            e.ToTable("pf_notifications");
            e.Property(x => x.DedupKey).HasMaxLength(300);
            e.Property(x => x.Cause).HasMaxLength(300);
            e.Property(x => x.Kind).HasMaxLength(50);
            e.Property(x => x.To).HasMaxLength(320);
            e.Property(x => x.AgencyId).HasMaxLength(100);
            e.Property(x => x.Subject).HasMaxLength(500);
            e.HasIndex(x => x.DedupKey).IsUnique();
            e.HasIndex(x => new { x.To, x.CreatedAt });
            e.HasIndex(x => new { x.AgencyId, x.CreatedAt });
            e.HasIndex(x => x.Cause);
        });
        modelBuilder.Entity<Notifications.InAppNoticeRead>(e =>
        {
            e.ToTable("pf_notification_reads");
            e.HasKey(x => new { x.UserName, x.Cause });
            e.Property(x => x.UserName).HasMaxLength(200);
            e.Property(x => x.Cause).HasMaxLength(300);
        });
        modelBuilder.Entity<TaskAttachment>(e =>
        {
            e.ToTable("pf_task_attachments");
            e.HasKey(a => a.Id);
            e.HasIndex(a => a.TaskId);
            e.Property(a => a.FileName).HasMaxLength(255);
            e.Property(a => a.ContentType).HasMaxLength(128);
            e.Property(a => a.StoredPath).HasMaxLength(64);
            e.Property(a => a.Sha256).HasMaxLength(64);
            e.Property(a => a.UploadedBy).HasMaxLength(256);
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
