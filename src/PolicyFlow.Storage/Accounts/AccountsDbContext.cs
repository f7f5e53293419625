using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Persistence;
using PolicyFlow.Host.Auth.Audit;
using PolicyFlow.Host.Auth.Tokens;

namespace PolicyFlow.Host.Auth.Storage;

/// <summary>
/// Users, roles, access tokens and the audit trail: a context of its own (own migrations, own history
/// table) on the workflow database's connection, so the engine's schema and this one evolve independently. It also holds
/// the Data Protection key ring, so every host signs and reads cookies, antiforgery tokens and circuits with the same keys.
/// </summary>
public abstract class AccountsDbContext(DbContextOptions options) : IdentityDbContext<PolicyFlowUser>(options), IDataProtectionKeyContext
{
    public const string HistoryTable = "__AccountsMigrationsHistory";

    public DbSet<PersonalAccessToken> AccessTokens => Set<PersonalAccessToken>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // As in the engine: Unix milliseconds compare and sort in SQL on SQLite too.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.Entity<PolicyFlowUser>(e =>
        {
            e.Property(u => u.AgencyId).HasMaxLength(64);
            e.Property(u => u.DisplayName).HasMaxLength(200);
        });
        builder.Entity<PersonalAccessToken>(e =>
        {
            e.ToTable("pf_access_tokens");
            e.HasKey(t => t.Id);
            e.Property(t => t.Hash).HasMaxLength(64);
            e.HasIndex(t => t.Hash).IsUnique();
            e.HasIndex(t => t.UserId);
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.Prefix).HasMaxLength(16);
            e.Property(t => t.UserId).HasMaxLength(450);
        });
        builder.Entity<AuditEntry>(e =>
        {
            e.ToTable("pf_audit");
            e.HasKey(a => a.Id);
            e.Property(a => a.UserName).HasMaxLength(256);
            e.Property(a => a.Method).HasMaxLength(AuditEntry.MaxOperation);
            e.Property(a => a.Path).HasMaxLength(2048);
            e.Property(a => a.RemoteAddress).HasMaxLength(64);
            e.HasIndex(a => a.UserName);
        });
        builder.Entity<DataProtectionKey>(e => e.ToTable("pf_data_protection_keys"));
    }
}
