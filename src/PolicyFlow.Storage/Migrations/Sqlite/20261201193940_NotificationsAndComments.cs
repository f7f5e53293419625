using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyFlow.Host.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NotificationsAndComments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pf_notification_reads",
                columns: table => new
                {
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pf_notification_reads", x => new { x.UserName, x.Cause });
                });

            migrationBuilder.CreateTable(
                name: "pf_notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DedupKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    AgencyId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pf_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pf_task_comments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pf_task_comments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pf_notifications_AgencyId_CreatedAt",
                table: "pf_notifications",
                columns: new[] { "AgencyId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_pf_notifications_Cause",
                table: "pf_notifications",
                column: "Cause");

            migrationBuilder.CreateIndex(
                name: "IX_pf_notifications_DedupKey",
                table: "pf_notifications",
                column: "DedupKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pf_notifications_To_CreatedAt",
                table: "pf_notifications",
                columns: new[] { "To", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_pf_task_comments_TaskId_At",
                table: "pf_task_comments",
                columns: new[] { "TaskId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pf_notification_reads");

            migrationBuilder.DropTable(
                name: "pf_notifications");

            migrationBuilder.DropTable(
                name: "pf_task_comments");
        }
    }
}
