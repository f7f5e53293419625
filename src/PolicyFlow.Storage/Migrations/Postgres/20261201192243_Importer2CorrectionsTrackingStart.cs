using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PolicyFlow.Host.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Importer2CorrectionsTrackingStart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "TrackingStartOn",
                table: "pf_policies",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "pf_policy_corrections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PolicyId = table.Column<string>(type: "character varying(100)", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Before = table.Column<string>(type: "text", nullable: false),
                    After = table.Column<string>(type: "text", nullable: false),
                    CorrectionJson = table.Column<string>(type: "text", nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pf_policy_corrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pf_policy_corrections_pf_policies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "pf_policies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pf_policy_corrections_PolicyId_Seq",
                table: "pf_policy_corrections",
                columns: new[] { "PolicyId", "Seq" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pf_policy_corrections");

            migrationBuilder.DropColumn(
                name: "TrackingStartOn",
                table: "pf_policies");
        }
    }
}
