using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyFlow.Host.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportMatrixStep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_pf_task_facts_matrix",
                table: "pf_task_facts");

            migrationBuilder.CreateIndex(
                name: "IX_pf_task_facts_matrix",
                table: "pf_task_facts",
                columns: new[] { "PolicyId", "RegionLevel", "MeasureNo", "Assignee", "CityCode", "RegionCode", "Status", "DueAt", "Step" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_pf_task_facts_matrix",
                table: "pf_task_facts");

            migrationBuilder.CreateIndex(
                name: "IX_pf_task_facts_matrix",
                table: "pf_task_facts",
                columns: new[] { "PolicyId", "RegionLevel", "MeasureNo", "Assignee", "CityCode", "RegionCode", "Status", "DueAt" });
        }
    }
}
