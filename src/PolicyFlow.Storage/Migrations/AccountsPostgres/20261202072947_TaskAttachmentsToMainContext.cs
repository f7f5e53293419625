using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyFlow.Host.Storage.Migrations.AccountsPostgres
{
    /// <inheritdoc />
    public partial class TaskAttachmentsToMainContext : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The table, with its rows, now belongs to the main context (its TaskAttachments migration): forget it, drop nothing.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            TaskAttachmentTable.CreateIfMissing(migrationBuilder);
        }
    }
}
