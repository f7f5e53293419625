using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PolicyFlow.Host.Auth.Attachments;
using PolicyFlow.Host.Auth.Storage;
using PolicyFlow.Host.Storage;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Storage;

/// <summary>
/// <c>pf_task_attachments</c> moved from the accounts context to the main one (migrations <c>TaskAttachments</c> and
/// <c>TaskAttachmentsToMainContext</c>): a database that holds attachments keeps them, and a new one gets the table
/// whichever context migrates first.
/// </summary>
public sealed class TaskAttachmentMigrationTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pf-attachment-migration-").FullName;
    private PostgresDatabase? _postgres;

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task AnExistingDatabasesAttachment_IsStillThereAndDownloadable_AfterBothContextsMigrate(string provider)
    {
        var storage = await StorageAsync(provider);
        var accounts = new AccountsDb(storage);
        await using (var db = storage.Create())
        {
            await db.GetService<IMigrator>().MigrateAsync(MigrationBefore(db, "TaskAttachments"));
        }
        await using (var db = accounts.Create())
        {
            await db.GetService<IMigrator>().MigrateAsync(MigrationBefore(db, "TaskAttachmentsToMainContext"));
        }
        var uploads = new AttachmentStore(Path.Combine(_directory, "uploads"));
        var id = Guid.NewGuid();
        var taskId = Guid.NewGuid();
        var uploadedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_780_000_000_000);
        var (storedPath, size, sha256) = await uploads.SaveAsync(id, uploadedAt, new MemoryStream("上城区 佐证材料 evidence"u8.ToArray()), default);
        await using (var db = accounts.Create())
        {
            // As the accounts context wrote it before the move: the row of a file stored under data/uploads (EF keeps a Guid
            // as upper-case text on SQLite).
            object Key(Guid g) => provider == "Sqlite" ? g.ToString().ToUpperInvariant() : g;
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO pf_task_attachments ("Id", "TaskId", "FileName", "ContentType", "Size", "StoredPath", "Sha256", "UploadedAt", "UploadedBy")
                VALUES ({Key(id)}, {Key(taskId)}, {"验收报告.txt"}, {"text/plain; charset=utf-8"}, {size}, {storedPath}, {sha256}, {uploadedAt.ToUnixTimeMilliseconds()}, {"jx-330102"})
                """);
        }

        await storage.MigrateAsync();
        await accounts.MigrateAsync();

        await using (var db = storage.Create())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            var row = await db.Attachments.AsNoTracking().SingleAsync(a => a.TaskId == taskId);
            Assert.Equal((id, "验收报告.txt", "text/plain; charset=utf-8", size, sha256, uploadedAt, "jx-330102"),
                (row.Id, row.FileName, row.ContentType, row.Size, row.Sha256, row.UploadedAt, row.UploadedBy));
            using var download = new StreamReader(uploads.OpenRead(row.StoredPath));
            Assert.Equal("上城区 佐证材料 evidence", await download.ReadToEndAsync());
        }
        await using (var db = accounts.Create())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
    }

    [Theory]
    [InlineData("Sqlite", true)]
    [InlineData("Sqlite", false)]
    [InlineData("PostgreSql", true)]
    [InlineData("PostgreSql", false)]
    public async Task ANewDatabase_GetsTheAttachmentTable_WhicheverContextMigratesFirst(string provider, bool mainFirst)
    {
        var storage = await StorageAsync(provider);
        var accounts = new AccountsDb(storage);

        if (mainFirst)
        {
            await storage.MigrateAsync();
            await accounts.MigrateAsync();
        }
        else
        {
            await accounts.MigrateAsync();
            await storage.MigrateAsync();
        }

        await using var db = storage.Create();
        var attachment = new TaskAttachment
        {
            Id = Guid.NewGuid(), TaskId = Guid.NewGuid(), FileName = "a.txt", ContentType = "text/plain; charset=utf-8", Size = 1,
            StoredPath = "2026/a", Sha256 = new string('0', 64), UploadedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_780_000_000_000), UploadedBy = "jx-330102",
        };
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync();
        Assert.Equal("a.txt", (await db.Attachments.AsNoTracking().SingleAsync(a => a.Id == attachment.Id)).FileName);
    }

    /// <summary>The migration applied just before the one named <paramref name="name"/> (its id is per provider).</summary>
    private static string MigrationBefore(DbContext db, string name)
    {
        var all = db.Database.GetMigrations().ToList();
        var index = all.FindIndex(m => m.EndsWith("_" + name, StringComparison.Ordinal));
        Assert.True(index > 0, $"No migration {name} after another in {db.GetType().Name}.");
        return all[index - 1];
    }

    private async Task<DbFactory> StorageAsync(string provider)
    {
        if (provider == "PostgreSql")
        {
            _postgres = await PostgresServer.CreateDatabaseAsync("attachmig");
            return new DbFactory(StorageProvider.PostgreSql, _postgres.ConnectionString);
        }
        var file = Path.Combine(_directory, string.Create(CultureInfo.InvariantCulture, $"pf-{Guid.NewGuid():N}.db"));
        return new DbFactory(StorageProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        Directory.Delete(_directory, recursive: true);
    }
}
