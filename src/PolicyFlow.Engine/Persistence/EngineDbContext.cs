using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Journal;
using PolicyFlow.Engine.Outbox;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Engine.Timers;

namespace PolicyFlow.Engine.Persistence;

/// <summary>The engine's tables. The application's context derives from it and adds its own.</summary>
public abstract class EngineDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<WorkflowDefinitionVersion> Definitions => Set<WorkflowDefinitionVersion>();
    public DbSet<WorkflowInstance> Instances => Set<WorkflowInstance>();
    public DbSet<Bookmark> Bookmarks => Set<Bookmark>();
    public DbSet<WorkTask> Tasks => Set<WorkTask>();
    public DbSet<WorkflowTimer> Timers => Set<WorkflowTimer>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<JournalEntry> Journal => Set<JournalEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Unix milliseconds on every provider: ordered and compared in SQL on SQLite too, and exact to the millisecond.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<WorkflowDefinitionVersion>(e =>
        {
            e.ToTable("pf_definitions");
            e.HasKey(x => new { x.DefinitionId, x.Version });
            e.Property(x => x.DefinitionId).HasMaxLength(100);
            e.Property(x => x.Name).HasMaxLength(400);
            e.Property(x => x.Revision).IsConcurrencyToken();
        });
        modelBuilder.Entity<WorkflowInstance>(e =>
        {
            e.ToTable("pf_instances");
            e.Property(x => x.DefinitionId).HasMaxLength(100);
            e.Property(x => x.CorrelationId).HasMaxLength(200);
            e.Property(x => x.IncidentActivityId).HasMaxLength(100);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => x.ParentInstanceId);
            e.HasIndex(x => x.CorrelationId);
            e.HasIndex(x => new { x.DefinitionId, x.Status });
        });
        modelBuilder.Entity<Bookmark>(e =>
        {
            e.ToTable("pf_bookmarks");
            e.Property(x => x.ActivityId).HasMaxLength(100);
            e.Property(x => x.Key).HasMaxLength(200);
            e.HasIndex(x => x.InstanceId);
            e.HasIndex(x => new { x.Kind, x.Key });
        });
        modelBuilder.Entity<WorkTask>(e =>
        {
            e.ToTable("pf_tasks");
            e.Property(x => x.ActivityId).HasMaxLength(100);
            e.Property(x => x.Title).HasMaxLength(400);
            e.Property(x => x.Assignee).HasMaxLength(100);
            e.Property(x => x.Outcomes).HasMaxLength(200);
            e.Property(x => x.Outcome).HasMaxLength(50);
            e.Property(x => x.CorrelationId).HasMaxLength(200);
            e.Property(x => x.ClaimedBy).HasMaxLength(200);
            e.Property(x => x.CompletedBy).HasMaxLength(200);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.Property(x => x.CommentRequiredFor).HasMaxLength(200);
            e.Property(x => x.ProgressNote).HasMaxLength(4000);
            e.Property(x => x.ProgressBy).HasMaxLength(200);
            e.HasIndex(x => new { x.Assignee, x.Status });
            e.HasIndex(x => new { x.Status, x.DueAt });
            e.HasIndex(x => x.CompletedAt);
            e.HasIndex(x => x.InstanceId);
            e.HasIndex(x => x.BookmarkId);
            e.HasIndex(x => x.CorrelationId);
        });
        modelBuilder.Entity<WorkflowTimer>(e =>
        {
            e.ToTable("pf_timers");
            e.Property(x => x.Kind).HasMaxLength(50);
            e.HasIndex(x => new { x.Status, x.DueAt });
            e.HasIndex(x => x.InstanceId);
            e.HasIndex(x => x.TaskId);
        });
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("pf_outbox");
            e.Property(x => x.MessageId).HasMaxLength(200);
            e.Property(x => x.DedupKey).HasMaxLength(300);
            e.Property(x => x.Kind).HasMaxLength(50);
            e.Property(x => x.To).HasMaxLength(320);
            e.Property(x => x.Subject).HasMaxLength(500);
            e.HasIndex(x => x.DedupKey).IsUnique();
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
            e.Ignore(x => x.WrittenWith);
        });
        modelBuilder.Entity<JournalEntry>(e =>
        {
            e.ToTable("pf_journal");
            e.Property(x => x.Actor).HasMaxLength(200);
            e.Property(x => x.Kind).HasMaxLength(50);
            e.Property(x => x.ActivityId).HasMaxLength(100);
            e.HasIndex(x => new { x.InstanceId, x.Id });
        });
    }
}
