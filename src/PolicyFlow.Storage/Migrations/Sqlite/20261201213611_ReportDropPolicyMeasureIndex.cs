using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyFlow.Host.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportDropPolicyMeasureIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_pf_task_facts_PolicyId_MeasureNo_Step",
                table: "pf_task_facts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_pf_task_facts_PolicyId_MeasureNo_Step",
                table: "pf_task_facts",
                columns: new[] { "PolicyId", "MeasureNo", "Step" });
        }
    }
}
