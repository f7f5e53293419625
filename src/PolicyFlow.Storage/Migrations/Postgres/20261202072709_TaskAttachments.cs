using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyFlow.Host.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TaskAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // An existing database has the table already, from the accounts context's Initial, with its rows: keep them.
            TaskAttachmentTable.CreateIfMissing(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The files' rows outlive a step back: the table is the accounts context's again below this migration.
        }
    }
}
