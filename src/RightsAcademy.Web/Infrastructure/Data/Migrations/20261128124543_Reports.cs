using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsAcademy.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeletedUtc",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstInvitedUtc",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            // Invitations sent before this column existed: still pending ones, and accepted ones by their outbox mail.
            migrationBuilder.Sql("""
                UPDATE "AspNetUsers" u SET "FirstInvitedUtc" = coalesce(
                    (SELECT min(o."CreatedUtc") FROM "OutboxMessages" o WHERE o."IdempotencyKey" = 'invitation:' || u."Id"::text),
                    u."InvitedUtc")
                WHERE u."InvitedUtc" IS NOT NULL
                   OR EXISTS (SELECT 1 FROM "OutboxMessages" o WHERE o."IdempotencyKey" = 'invitation:' || u."Id"::text);
                """);

            migrationBuilder.CreateTable(
                name: "DepartmentTargets",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Department = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Headcount = table.Column<int>(type: "integer", nullable: false),
                    UpdatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DepartmentTargets", x => new { x.MunicipalityId, x.Department });
                    table.ForeignKey(
                        name: "FK_DepartmentTargets_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_LessonId_SubmittedUtc",
                table: "QuizAttempts",
                columns: new[] { "LessonId", "SubmittedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LessonCompletions_CompletedUtc",
                table: "LessonCompletions",
                column: "CompletedUtc")
                .Annotation("Npgsql:IndexInclude", new[] { "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_CompletedUtc",
                table: "Enrolments",
                column: "CompletedUtc",
                filter: "\"CompletedUtc\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_EnrolledUtc",
                table: "Enrolments",
                column: "EnrolledUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_UserId_IssuedUtc",
                table: "Certificates",
                columns: new[] { "UserId", "IssuedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_MunicipalityId_Department",
                table: "AspNetUsers",
                columns: new[] { "MunicipalityId", "Department" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DepartmentTargets");

            migrationBuilder.DropIndex(
                name: "IX_QuizAttempts_LessonId_SubmittedUtc",
                table: "QuizAttempts");

            migrationBuilder.DropIndex(
                name: "IX_LessonCompletions_CompletedUtc",
                table: "LessonCompletions");

            migrationBuilder.DropIndex(
                name: "IX_Enrolments_CompletedUtc",
                table: "Enrolments");

            migrationBuilder.DropIndex(
                name: "IX_Enrolments_EnrolledUtc",
                table: "Enrolments");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_UserId_IssuedUtc",
                table: "Certificates");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_MunicipalityId_Department",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "DeletedUtc",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "FirstInvitedUtc",
                table: "AspNetUsers");
        }
    }
}
