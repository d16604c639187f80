using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsAcademy.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Certificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CertificateName",
                table: "AspNetUsers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CourseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CourseSlug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RunKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LearnerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CourseTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CourseLanguage = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    LabelsLanguage = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    MunicipalityName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CompletionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Hours = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    IssuingOrganisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VerificationUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    IssuedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Pdf = table.Column<byte[]>(type: "bytea", nullable: false),
                    Credential = table.Column<string>(type: "text", nullable: false),
                    ReplacesId = table.Column<Guid>(type: "uuid", nullable: true),
                    RevokedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevocationReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Certificates_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Certificates_Certificates_ReplacesId",
                        column: x => x.ReplacesId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutboxAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OutboxMessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboxAttachments_OutboxMessages_OutboxMessageId",
                        column: x => x.OutboxMessageId,
                        principalTable: "OutboxMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Code",
                table: "Certificates",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_ReplacesId",
                table: "Certificates",
                column: "ReplacesId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_UserId_CourseId_RunKey_Original",
                table: "Certificates",
                columns: new[] { "UserId", "CourseId", "RunKey" },
                unique: true,
                filter: "\"ReplacesId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxAttachments_OutboxMessageId_Position",
                table: "OutboxAttachments",
                columns: new[] { "OutboxMessageId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Certificates");

            migrationBuilder.DropTable(
                name: "OutboxAttachments");

            migrationBuilder.DropColumn(
                name: "CertificateName",
                table: "AspNetUsers");
        }
    }
}
