using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyFlow.Host.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TaskFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CommentRequiredFor",
                table: "pf_tasks",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ProgressAt",
                table: "pf_tasks",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProgressBy",
                table: "pf_tasks",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProgressNote",
                table: "pf_tasks",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProgressPercent",
                table: "pf_tasks",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "pf_task_facts",
                columns: table => new
                {
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    PolicyId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    MeasureNo = table.Column<int>(type: "integer", nullable: true),
                    MeasureTitle = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Step = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AgencyKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    RegionLevel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    UrgeCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pf_task_facts", x => x.TaskId);
                    table.ForeignKey(
                        name: "FK_pf_task_facts_pf_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "pf_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pf_task_urges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pf_task_urges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pf_tasks_CompletedAt",
                table: "pf_tasks",
                column: "CompletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_pf_tasks_Status_DueAt",
                table: "pf_tasks",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_pf_task_facts_AgencyKind_RegionLevel",
                table: "pf_task_facts",
                columns: new[] { "AgencyKind", "RegionLevel" });

            migrationBuilder.CreateIndex(
                name: "IX_pf_task_facts_CityCode_RegionCode",
                table: "pf_task_facts",
                columns: new[] { "CityCode", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_pf_task_facts_PolicyId_MeasureNo_Step",
                table: "pf_task_facts",
                columns: new[] { "PolicyId", "MeasureNo", "Step" });

            migrationBuilder.CreateIndex(
                name: "IX_pf_task_urges_At",
                table: "pf_task_urges",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_pf_task_urges_TaskId_Day",
                table: "pf_task_urges",
                columns: new[] { "TaskId", "Day" },
                unique: true);

            // Existing tasks: their facts and progress were kept in the DataJson bag; move them to the typed columns.
            migrationBuilder.Sql("""
                INSERT INTO pf_task_facts ("TaskId", "PolicyId", "MeasureNo", "MeasureTitle", "Step", "AgencyKind", "RegionCode", "CityCode", "RegionLevel", "Round", "UrgeCount")
                SELECT "Id", d->>'policyId', (d->>'measureNo')::integer, d->>'measureTitle', COALESCE(d->>'step', 'task'), d->>'kind', d->>'regionCode',
                       CASE d->>'regionLevel' WHEN 'City' THEN d->>'regionCode' WHEN 'County' THEN substr(d->>'regionCode', 1, 4) || '00' END,
                       COALESCE(d->>'regionLevel', 'Province'), 1, 0
                FROM (SELECT "Id", "DataJson"::jsonb AS d FROM pf_tasks) t
                WHERE d->>'kind' IS NOT NULL AND d->>'regionCode' IS NOT NULL;
                UPDATE pf_tasks SET "CommentRequiredFor" = 'Return' WHERE ',' || "Outcomes" || ',' LIKE '%,Return,%';
                UPDATE pf_tasks SET "ProgressNote" = "DataJson"::jsonb->'progress'->>'note',
                       "ProgressPercent" = ("DataJson"::jsonb->'progress'->>'percent')::integer,
                       "ProgressBy" = "DataJson"::jsonb->'progress'->>'by',
                       "ProgressAt" = (extract(epoch FROM ("DataJson"::jsonb->'progress'->>'at')::timestamptz) * 1000)::bigint
                WHERE "DataJson"::jsonb->'progress' IS NOT NULL AND "DataJson"::jsonb->'progress' <> 'null'::jsonb;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pf_task_facts");

            migrationBuilder.DropTable(
                name: "pf_task_urges");

            migrationBuilder.DropIndex(
                name: "IX_pf_tasks_CompletedAt",
                table: "pf_tasks");

            migrationBuilder.DropIndex(
                name: "IX_pf_tasks_Status_DueAt",
                table: "pf_tasks");

            migrationBuilder.DropColumn(
                name: "CommentRequiredFor",
                table: "pf_tasks");

            migrationBuilder.DropColumn(
                name: "ProgressAt",
                table: "pf_tasks");

            migrationBuilder.DropColumn(
                name: "ProgressBy",
                table: "pf_tasks");

            migrationBuilder.DropColumn(
                name: "ProgressNote",
                table: "pf_tasks");

            migrationBuilder.DropColumn(
                name: "ProgressPercent",
                table: "pf_tasks");
        }
    }
}
