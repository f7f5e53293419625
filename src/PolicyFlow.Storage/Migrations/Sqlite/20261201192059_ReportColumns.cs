using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyFlow.Host.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Assignee",
                table: "pf_task_facts",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "CompletedAt",
                table: "pf_task_facts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CompletedDay",
                table: "pf_task_facts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CreatedAt",
                table: "pf_task_facts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "DueAt",
                table: "pf_task_facts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DueDay",
                table: "pf_task_facts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "pf_task_facts",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            // The task's state on its facts, kept by the database: filled for existing rows, then by two triggers —
            // a new facts row copies its task (unless its writer gave them: only a bulk loader can, EF never sets them), and any change of the task's status, assignee or instants is copied over.
            // Day numbers are days since 1970-01-01 in Asia/Shanghai (UTC+8, no daylight saving): the due day is the day
            // before the due instant (DueDay.Of), the completed day the day of completion.
            migrationBuilder.Sql("""
                UPDATE pf_task_facts SET ("Status", "Assignee", "CreatedAt", "DueAt", "CompletedAt", "DueDay", "CompletedDay") =
                    (SELECT t."Status", t."Assignee", t."CreatedAt", t."DueAt", t."CompletedAt",
                            (t."DueAt" - 1 + 28800000) / 86400000, (t."CompletedAt" + 28800000) / 86400000
                     FROM pf_tasks t WHERE t."Id" = pf_task_facts."TaskId");
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER pf_task_facts_copy_task AFTER INSERT ON pf_task_facts WHEN NEW."Assignee" = ''
                BEGIN
                    UPDATE pf_task_facts SET ("Status", "Assignee", "CreatedAt", "DueAt", "CompletedAt", "DueDay", "CompletedDay") =
                        (SELECT t."Status", t."Assignee", t."CreatedAt", t."DueAt", t."CompletedAt",
                                (t."DueAt" - 1 + 28800000) / 86400000, (t."CompletedAt" + 28800000) / 86400000
                         FROM pf_tasks t WHERE t."Id" = NEW."TaskId")
                    WHERE "TaskId" = NEW."TaskId";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER pf_tasks_copy_to_facts AFTER UPDATE OF "Status", "Assignee", "CreatedAt", "DueAt", "CompletedAt" ON pf_tasks
                BEGIN
                    UPDATE pf_task_facts SET "Status" = NEW."Status", "Assignee" = NEW."Assignee", "CreatedAt" = NEW."CreatedAt",
                        "DueAt" = NEW."DueAt", "CompletedAt" = NEW."CompletedAt",
                        "DueDay" = (NEW."DueAt" - 1 + 28800000) / 86400000, "CompletedDay" = (NEW."CompletedAt" + 28800000) / 86400000
                    WHERE "TaskId" = NEW."Id";
                END;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_pf_task_facts_due",
                table: "pf_task_facts",
                columns: new[] { "DueAt", "RegionLevel", "Status", "CompletedAt", "Assignee", "CityCode", "RegionCode", "PolicyId", "DueDay", "CompletedDay" });

            migrationBuilder.CreateIndex(
                name: "IX_pf_task_facts_matrix",
                table: "pf_task_facts",
                columns: new[] { "PolicyId", "RegionLevel", "MeasureNo", "Assignee", "CityCode", "RegionCode", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_pf_task_facts_open",
                table: "pf_task_facts",
                columns: new[] { "DueAt", "TaskId", "PolicyId", "MeasureNo", "Assignee", "CityCode", "RegionCode" },
                filter: "\"Status\" IN ('Open', 'Claimed')");

            migrationBuilder.CreateIndex(
                name: "IX_pf_task_facts_open_policy",
                table: "pf_task_facts",
                columns: new[] { "PolicyId", "DueAt", "TaskId", "MeasureNo", "Assignee", "CityCode", "RegionCode" },
                filter: "\"Status\" IN ('Open', 'Claimed')");

            migrationBuilder.CreateIndex(
                name: "IX_pf_task_facts_returns",
                table: "pf_task_facts",
                columns: new[] { "CreatedAt", "RegionLevel", "Assignee", "CityCode", "RegionCode", "PolicyId" },
                filter: "\"Round\" > 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS pf_tasks_copy_to_facts; DROP TRIGGER IF EXISTS pf_task_facts_copy_task;");

            migrationBuilder.DropIndex(
                name: "IX_pf_task_facts_due",
                table: "pf_task_facts");

            migrationBuilder.DropIndex(
                name: "IX_pf_task_facts_matrix",
                table: "pf_task_facts");

            migrationBuilder.DropIndex(
                name: "IX_pf_task_facts_open",
                table: "pf_task_facts");

            migrationBuilder.DropIndex(
                name: "IX_pf_task_facts_open_policy",
                table: "pf_task_facts");

            migrationBuilder.DropIndex(
                name: "IX_pf_task_facts_returns",
                table: "pf_task_facts");

            migrationBuilder.DropColumn(
                name: "Assignee",
                table: "pf_task_facts");

            migrationBuilder.DropColumn(
                name: "CompletedAt",
                table: "pf_task_facts");

            migrationBuilder.DropColumn(
                name: "CompletedDay",
                table: "pf_task_facts");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "pf_task_facts");

            migrationBuilder.DropColumn(
                name: "DueAt",
                table: "pf_task_facts");

            migrationBuilder.DropColumn(
                name: "DueDay",
                table: "pf_task_facts");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "pf_task_facts");
        }
    }
}
