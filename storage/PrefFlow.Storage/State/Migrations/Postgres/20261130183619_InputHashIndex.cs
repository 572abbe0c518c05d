using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrefFlow.Storage.State.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InputHashIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_node_executions_input_hash",
                table: "node_executions",
                column: "input_hash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_node_executions_input_hash",
                table: "node_executions");
        }
    }
}
