using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matcher.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ApplicantTextHash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TextSha256",
                table: "RankingApplicants",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TextSha256",
                table: "RankingApplicants");
        }
    }
}
