using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyFlow.Host.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_pf_task_facts_open",
                table: "pf_task_facts");

            migrationBuilder.DropIndex(
                name: "IX_pf_task_facts_open_policy",
                table: "pf_task_facts");

            migrationBuilder.CreateIndex(
                name: "IX_pf_task_facts_late",
                table: "pf_task_facts",
                columns: new[] { "DueAt", "Status", "RegionLevel", "CompletedAt", "CompletedDay", "Assignee", "CityCode", "RegionCode", "PolicyId" },
                filter: "\"CompletedAt\" > \"DueAt\"");

            migrationBuilder.CreateIndex(
                name: "IX_pf_task_facts_open",
                table: "pf_task_facts",
                columns: new[] { "DueAt", "TaskId", "Status", "PolicyId", "MeasureNo", "RegionLevel", "Assignee", "CityCode", "RegionCode" },
                filter: "\"Status\" IN ('Open', 'Claimed')");

            migrationBuilder.CreateIndex(
                name: "IX_pf_task_facts_open_policy",
                table: "pf_task_facts",
                columns: new[] { "PolicyId", "DueAt", "TaskId", "Status", "MeasureNo", "RegionLevel", "Assignee", "CityCode", "RegionCode" },
                filter: "\"Status\" IN ('Open', 'Claimed')");

            migrationBuilder.CreateIndex(
                name: "IX_pf_extensions_Status_DecidedAt",
                table: "pf_extensions",
                columns: new[] { "Status", "DecidedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_pf_task_facts_late",
                table: "pf_task_facts");

            migrationBuilder.DropIndex(
                name: "IX_pf_task_facts_open",
                table: "pf_task_facts");

            migrationBuilder.DropIndex(
                name: "IX_pf_task_facts_open_policy",
                table: "pf_task_facts");

            migrationBuilder.DropIndex(
                name: "IX_pf_extensions_Status_DecidedAt",
                table: "pf_extensions");

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
        }
    }
}
