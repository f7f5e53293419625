using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyFlow.Host.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pf_report_days",
                columns: table => new
                {
                    Of = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    OnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    LateDone = table.Column<int>(type: "INTEGER", nullable: false),
                    LateDoneAtMidnight = table.Column<int>(type: "INTEGER", nullable: false),
                    Pending = table.Column<int>(type: "INTEGER", nullable: false),
                    PendingAtMidnight = table.Column<int>(type: "INTEGER", nullable: false),
                    Returns = table.Column<int>(type: "INTEGER", nullable: false),
                    Extensions = table.Column<int>(type: "INTEGER", nullable: false),
                    Urges = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pf_report_days", x => new { x.Of, x.Day, x.Key });
                });

            migrationBuilder.CreateIndex(
                name: "IX_pf_report_days_pending",
                table: "pf_report_days",
                columns: new[] { "Of", "Day", "Key", "Pending" },
                filter: "\"Pending\" > 0");

            // The counters of the existing rows, then the triggers that keep them (see ReportDaysSql).
            migrationBuilder.Sql(ReportDaysSql.Fill);
            migrationBuilder.Sql(ReportDaysSql.SqliteTriggers);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ReportDaysSql.SqliteDrop);

            migrationBuilder.DropTable(
                name: "pf_report_days");
        }
    }
}
