using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrefFlow.Storage.State.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServerTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "schedule_id",
                table: "runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    role = table.Column<string>(type: "TEXT", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "definition_drafts",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    json = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_definition_drafts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_runs_schedule_id",
                table: "runs",
                column: "schedule_id");

            migrationBuilder.CreateIndex(
                name: "IX_api_keys_sha256",
                table: "api_keys",
                column: "sha256",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "definition_drafts");

            migrationBuilder.DropIndex(
                name: "IX_runs_schedule_id",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "schedule_id",
                table: "runs");
        }
    }
}
