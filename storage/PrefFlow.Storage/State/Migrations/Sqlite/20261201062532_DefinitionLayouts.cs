using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrefFlow.Storage.State.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DefinitionLayouts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "definition_layouts",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    json = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_definition_layouts", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "definition_layouts");
        }
    }
}
