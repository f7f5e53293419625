using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PolicyFlow.Host.Storage.Migrations;

/// <summary>
/// <c>pf_task_attachments</c>, created only where it is missing. The table was the accounts context's (its <c>Initial</c>)
/// and is the main context's since <c>TaskAttachments</c>, so that an upload commits with its task: on a new database
/// whichever context migrates first creates it and the other finds it; on an existing one it stays as it is, rows included.
/// </summary>
internal static class TaskAttachmentTable
{
    private const string Sqlite = """
        CREATE TABLE IF NOT EXISTS "pf_task_attachments" (
            "Id" TEXT NOT NULL CONSTRAINT "PK_pf_task_attachments" PRIMARY KEY,
            "TaskId" TEXT NOT NULL,
            "FileName" TEXT NOT NULL,
            "ContentType" TEXT NOT NULL,
            "Size" INTEGER NOT NULL,
            "StoredPath" TEXT NOT NULL,
            "Sha256" TEXT NOT NULL,
            "UploadedAt" INTEGER NOT NULL,
            "UploadedBy" TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS "IX_pf_task_attachments_TaskId" ON "pf_task_attachments" ("TaskId");
        """;

    private const string Postgres = """
        CREATE TABLE IF NOT EXISTS pf_task_attachments (
            "Id" uuid NOT NULL,
            "TaskId" uuid NOT NULL,
            "FileName" character varying(255) NOT NULL,
            "ContentType" character varying(128) NOT NULL,
            "Size" bigint NOT NULL,
            "StoredPath" character varying(64) NOT NULL,
            "Sha256" character varying(64) NOT NULL,
            "UploadedAt" bigint NOT NULL,
            "UploadedBy" character varying(256) NOT NULL,
            CONSTRAINT "PK_pf_task_attachments" PRIMARY KEY ("Id")
        );
        CREATE INDEX IF NOT EXISTS "IX_pf_task_attachments_TaskId" ON pf_task_attachments ("TaskId");
        """;

    public static void CreateIfMissing(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(migrationBuilder.IsNpgsql() ? Postgres : Sqlite);
}
