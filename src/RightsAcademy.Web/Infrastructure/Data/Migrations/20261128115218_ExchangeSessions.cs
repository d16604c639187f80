using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsAcademy.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExchangeSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarFeeds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarFeeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalendarFeeds_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExchangeSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AgendaMarkdown = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    AgendaHtml = table.Column<string>(type: "text", nullable: false),
                    OpenToAllStaff = table.Column<bool>(type: "boolean", nullable: false),
                    StartUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    HostTimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Duration = table.Column<TimeSpan>(type: "interval", nullable: false),
                    MeetingUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Venue = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    CancelledUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OutcomesMarkdown = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    OutcomesHtml = table.Column<string>(type: "text", nullable: true),
                    OutcomesRecordedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    UpdatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExchangeSessions_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExchangeSessionCohorts",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    CohortId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeSessionCohorts", x => new { x.SessionId, x.CohortId });
                    table.ForeignKey(
                        name: "FK_ExchangeSessionCohorts_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExchangeSessionCohorts_ExchangeSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "ExchangeSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExchangeSessionFacilitators",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeSessionFacilitators", x => new { x.SessionId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ExchangeSessionFacilitators_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExchangeSessionFacilitators_ExchangeSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "ExchangeSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExchangeSessionLessons",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    LessonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeSessionLessons", x => new { x.SessionId, x.LessonId });
                    table.ForeignKey(
                        name: "FK_ExchangeSessionLessons_ExchangeSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "ExchangeSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExchangeSessionLessons_Lessons_LessonId",
                        column: x => x.LessonId,
                        principalTable: "Lessons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExchangeSessionMunicipalities",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeSessionMunicipalities", x => new { x.SessionId, x.MunicipalityId });
                    table.ForeignKey(
                        name: "FK_ExchangeSessionMunicipalities_ExchangeSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "ExchangeSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExchangeSessionMunicipalities_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Practices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: true),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    City = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Country = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    Theme = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    SummaryMarkdown = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    SummaryHtml = table.Column<string>(type: "text", nullable: false),
                    WhatWorkedMarkdown = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    WhatWorkedHtml = table.Column<string>(type: "text", nullable: false),
                    Contact = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PublishedById = table.Column<Guid>(type: "uuid", nullable: false),
                    PublishedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Practices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Practices_AspNetUsers_PublishedById",
                        column: x => x.PublishedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Practices_ExchangeSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "ExchangeSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Practices_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SessionAttendances",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Attended = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionAttendances", x => new { x.SessionId, x.UserId });
                    table.ForeignKey(
                        name: "FK_SessionAttendances_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SessionAttendances_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SessionAttendances_ExchangeSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "ExchangeSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionRsvps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Answer = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AnsweredUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionRsvps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionRsvps_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SessionRsvps_ExchangeSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "ExchangeSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeeds_TokenHash",
                table: "CalendarFeeds",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeeds_UserId",
                table: "CalendarFeeds",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeSessionCohorts_CohortId",
                table: "ExchangeSessionCohorts",
                column: "CohortId");

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeSessionFacilitators_UserId",
                table: "ExchangeSessionFacilitators",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeSessionLessons_LessonId",
                table: "ExchangeSessionLessons",
                column: "LessonId");

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeSessionMunicipalities_MunicipalityId",
                table: "ExchangeSessionMunicipalities",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeSessions_CreatedById",
                table: "ExchangeSessions",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeSessions_OpenToAllStaff_StartUtc",
                table: "ExchangeSessions",
                columns: new[] { "OpenToAllStaff", "StartUtc" },
                filter: "\"OpenToAllStaff\"");

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeSessions_StartUtc",
                table: "ExchangeSessions",
                column: "StartUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Practices_City",
                table: "Practices",
                column: "City");

            migrationBuilder.CreateIndex(
                name: "IX_Practices_Country_PublishedUtc",
                table: "Practices",
                columns: new[] { "Country", "PublishedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Practices_MunicipalityId",
                table: "Practices",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_Practices_PublishedById",
                table: "Practices",
                column: "PublishedById");

            migrationBuilder.CreateIndex(
                name: "IX_Practices_PublishedUtc",
                table: "Practices",
                column: "PublishedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Practices_SessionId",
                table: "Practices",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_Practices_Theme_PublishedUtc",
                table: "Practices",
                columns: new[] { "Theme", "PublishedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionAttendances_RecordedById",
                table: "SessionAttendances",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_SessionAttendances_UserId_Attended",
                table: "SessionAttendances",
                columns: new[] { "UserId", "Attended" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionRsvps_SessionId_Answer_AnsweredUtc",
                table: "SessionRsvps",
                columns: new[] { "SessionId", "Answer", "AnsweredUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionRsvps_SessionId_UserId",
                table: "SessionRsvps",
                columns: new[] { "SessionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionRsvps_UserId",
                table: "SessionRsvps",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarFeeds");

            migrationBuilder.DropTable(
                name: "ExchangeSessionCohorts");

            migrationBuilder.DropTable(
                name: "ExchangeSessionFacilitators");

            migrationBuilder.DropTable(
                name: "ExchangeSessionLessons");

            migrationBuilder.DropTable(
                name: "ExchangeSessionMunicipalities");

            migrationBuilder.DropTable(
                name: "Practices");

            migrationBuilder.DropTable(
                name: "SessionAttendances");

            migrationBuilder.DropTable(
                name: "SessionRsvps");

            migrationBuilder.DropTable(
                name: "ExchangeSessions");
        }
    }
}
