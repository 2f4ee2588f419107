using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matcher.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class OriginalFilesInFileStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<byte[]>(
                name: "OriginalFile",
                table: "RankingApplicants",
                type: "bytea",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "bytea");

            migrationBuilder.AddColumn<string>(
                name: "FileSha256",
                table: "RankingApplicants",
                type: "text",
                nullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "OriginalFile",
                table: "Cvs",
                type: "bytea",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "bytea");

            migrationBuilder.AddColumn<string>(
                name: "FileSha256",
                table: "Cvs",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_RankingApplicants_FileSha256",
                table: "RankingApplicants",
                column: "FileSha256");

            migrationBuilder.CreateIndex(
                name: "IX_Cvs_FileSha256",
                table: "Cvs",
                column: "FileSha256");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RankingApplicants_FileSha256",
                table: "RankingApplicants");

            migrationBuilder.DropIndex(
                name: "IX_Cvs_FileSha256",
                table: "Cvs");

            migrationBuilder.DropColumn(
                name: "FileSha256",
                table: "RankingApplicants");

            migrationBuilder.DropColumn(
                name: "FileSha256",
                table: "Cvs");

            migrationBuilder.AlterColumn<byte[]>(
                name: "OriginalFile",
                table: "RankingApplicants",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "bytea",
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "OriginalFile",
                table: "Cvs",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "bytea",
                oldNullable: true);
        }
    }
}
