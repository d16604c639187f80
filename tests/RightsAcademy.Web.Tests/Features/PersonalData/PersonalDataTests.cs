using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Certificates;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Features.Notifications;
using RightsAcademy.Web.Features.Practices;
using RightsAcademy.Web.Features.Sessions;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Mail;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.PersonalData;

/// <summary>A person's own data: the export holds theirs and nobody else's; deletion leaves nothing that names them.</summary>
public sealed class PersonalDataTests(CourseFixture app) : IClassFixture<CourseFixture>
{
    private sealed record Footprint(AppUser User, string CertificateCode, string MailSubject, string CohortTitle, string SessionTitle, Guid PracticeId);

    [Fact]
    public async Task The_export_holds_every_record_of_the_person_and_nothing_of_anyone_else()
    {
        var mine = await FootprintAsync("export-me@example.org", "Amaru Export-Mine");
        var theirs = await FootprintAsync("export-other@example.org", "Bettina Export-Other");
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync(mine.User.Email!);

        var response = await client.GetAsync("/account/data/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var json = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.Equal(mine.User.Email, root.GetProperty("profile").GetProperty("email").GetString());
        Assert.Equal(mine.User.DisplayName, root.GetProperty("profile").GetProperty("displayName").GetString());
        Assert.Equal(SampleCourse.Slug, Assert.Single(root.GetProperty("enrolments").EnumerateArray()).GetProperty("course").GetString());
        Assert.Single(root.GetProperty("lessonsCompleted").EnumerateArray());
        var attempt = Assert.Single(root.GetProperty("quizAttempts").EnumerateArray());
        Assert.Equal("b", attempt.GetProperty("answers").GetProperty("panel")[0].GetString());
        Assert.Equal(mine.CohortTitle, Assert.Single(root.GetProperty("cohortMemberships").EnumerateArray()).GetProperty("cohort").GetString());
        Assert.Equal(mine.SessionTitle, Assert.Single(root.GetProperty("sessionAnswers").EnumerateArray()).GetProperty("session").GetString());
        Assert.True(Assert.Single(root.GetProperty("sessionAttendance").EnumerateArray()).GetProperty("attended").GetBoolean());
        Assert.Equal(mine.CertificateCode, Assert.Single(root.GetProperty("certificates").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal(mine.MailSubject, Assert.Single(root.GetProperty("mail").EnumerateArray()).GetProperty("subject").GetString());
        Assert.Single(root.GetProperty("calendarFeeds").EnumerateArray());
        Assert.Equal("Weekly", root.GetProperty("mailPreferences").GetProperty("digest").GetString());
        Assert.Contains("Learner", root.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        // Nothing of the other person, wherever it might have slipped in.
        foreach (var marker in new[] { theirs.User.Email!, theirs.User.DisplayName, theirs.CertificateCode, theirs.MailSubject, theirs.CohortTitle, theirs.SessionTitle, theirs.User.Id.ToString() })
        {
            Assert.DoesNotContain(marker, json, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Deleting_the_account_needs_the_password_and_the_confirmation_and_leaves_no_personal_data_while_the_certificate_still_verifies()
    {
        var gone = await FootprintAsync("delete-me@example.org", "Zelda Deleted-Learner");
        var kept = await FootprintAsync("delete-neighbour@example.org", "Kofi Kept-Learner");
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync(gone.User.Email!);
        Assert.Contains("/account/data", await client.GetPageAsync("/account/profile"), StringComparison.Ordinal);

        var wrongPassword = await client.PostFormAsync("/account/data", "/account/data/delete", ("Form.Password", "not my password at all"), ("Form.Confirm", "true"));
        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Contains("The password is not right.", await wrongPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unconfirmed = await client.PostFormAsync("/account/data", "/account/data/delete", ("Form.Password", RightsAcademyFactory.Password));
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Tick the box to confirm", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var before = app.Factory.Database.CreateDbContext())
        {
            Assert.Equal(gone.User.Email, (await before.Users.SingleAsync(u => u.Id == gone.User.Id)).Email);
        }

        var deleted = await client.PostFormAsync("/account/data", "/account/data/delete", ("Form.Password", RightsAcademyFactory.Password), ("Form.Confirm", "true"));
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Contains("Your account is deleted", await deleted.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Every text column of every table: the name and address appear only in the certificate's own snapshot.
        var found = await TextColumnsContainingAsync(gone.User.Email!, gone.User.DisplayName);
        Assert.Equal(["Certificates.LearnerName"], found);
        await using var db = app.Factory.Database.CreateDbContext();
        var row = await db.Users.SingleAsync(u => u.Id == gone.User.Id);
        Assert.Null(row.Email);
        Assert.Null(row.PasswordHash);
        Assert.Null(row.Department);
        Assert.Equal("", row.DisplayName);
        Assert.NotNull(row.DeletedUtc);
        Assert.False(await db.UserRoles.AnyAsync(r => r.UserId == gone.User.Id));
        Assert.False(await db.CohortMembers.AnyAsync(m => m.UserId == gone.User.Id));
        Assert.False(await db.SessionRsvps.AnyAsync(r => r.UserId == gone.User.Id));
        Assert.False(await db.CalendarFeeds.AnyAsync(f => f.UserId == gone.User.Id));
        Assert.False(await db.MailPreferences.AnyAsync(p => p.UserId == gone.User.Id));
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Subject == gone.MailSubject));
        // Aggregates keep their anonymous facts; the neighbour keeps everything.
        Assert.True(await db.Enrolments.AnyAsync(e => e.UserId == gone.User.Id && e.CompletedUtc != null));
        Assert.True(await db.QuizAttempts.AnyAsync(a => a.UserId == gone.User.Id));
        Assert.True(await db.SessionAttendances.AnyAsync(a => a.UserId == gone.User.Id && a.Attended));
        Assert.Equal(kept.User.Email, (await db.Users.SingleAsync(u => u.Id == kept.User.Id)).Email);
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.Subject == kept.MailSubject));
        // The practice stays, without the contact line that named the person; the neighbour's keeps theirs.
        Assert.Equal("", (await db.Practices.SingleAsync(p => p.Id == gone.PracticeId)).Contact);
        Assert.Contains(kept.User.Email!, (await db.Practices.SingleAsync(p => p.Id == kept.PracticeId)).Contact, StringComparison.Ordinal);

        using (var neighbour = app.Factory.CreateFormClient())
        {
            await neighbour.SignInAsync(kept.User.Email!);
            var practicePage = await neighbour.GetPageAsync($"/practices/{gone.PracticeId}");
            Assert.Contains("No longer given", practicePage, StringComparison.Ordinal);
        }

        // The certificate still answers at /verify/{code}, for anyone, as valid.
        using var anonymous = app.Factory.CreateFormClient();
        var verification = await anonymous.GetPageAsync($"/verify/{gone.CertificateCode}");
        Assert.Contains("This certificate is valid.", verification, StringComparison.Ordinal);
        Assert.Contains(gone.User.DisplayName, verification, StringComparison.Ordinal);

        // The sweep does not issue a new certificate (or a renamed one) to the anonymous row.
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IssuePendingCertificates>().RunAsync(CancellationToken.None);
        }

        Assert.Equal(1, await db.Certificates.CountAsync(c => c.UserId == gone.User.Id));
        Assert.Null((await db.Certificates.SingleAsync(c => c.Code == gone.CertificateCode)).RevokedUtc);

        // The old cookie and the old password open nothing.
        var afterwards = await client.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        using var again = app.Factory.CreateFormClient();
        await Assert.ThrowsAsync<InvalidOperationException>(() => again.SignInAsync(gone.User.Email!));
    }

    [Fact]
    public async Task The_data_page_is_for_signed_in_people_only()
    {
        using var anonymous = app.Factory.CreateFormClient();
        foreach (var url in new[] { "/account/data", "/account/data/export" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/sign-in", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        }
    }

    /// <summary>"table.column" of every text column in the public schema holding either value (case-insensitive).</summary>
    private async Task<List<string>> TextColumnsContainingAsync(params string[] values)
    {
        await using var connection = new NpgsqlConnection(app.Factory.Database.ConnectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var list = new NpgsqlCommand("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'jsonb', 'json')
            ORDER BY table_name, column_name
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.Contains(columns, c => c is { Table: "AspNetUsers", Column: "Email" });
        var found = new List<string>();
        foreach (var (table, column) in columns)
        {
            await using var command = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM \"{table}\" WHERE \"{column}\"::text ILIKE ANY(@patterns))", connection);
            command.Parameters.AddWithValue("patterns", values.Select(v => $"%{v}%").ToArray());
            if ((bool)(await command.ExecuteScalarAsync())!)
            {
                found.Add($"{table}.{column}");
            }
        }

        return found;
    }

    /// <summary>A learner with something in every place the site keeps personal data.</summary>
    private async Task<Footprint> FootprintAsync(string email, string name)
    {
        var user = await app.Factory.CreateUserAsync(email, Roles.Learner, app.Municipality.Id, displayName: name);
        // Staff and titles that do not repeat the person's name or address: the scan after deletion looks for those.
        var tag = Guid.NewGuid().ToString("N")[..8];
        var coordinator = await app.Factory.CreateUserAsync($"coord-{tag}@example.org", Roles.Coordinator, app.Municipality.Id);
        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [app.Municipality.Id], title: $"Cohort {tag}");
        await app.Factory.AddMemberAsync(cohort.Id, user.Id);

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var course = await db.Courses.SingleAsync(c => c.Slug == SampleCourse.Slug);
        var lesson = await db.Lessons.SingleAsync(l => l.CourseId == course.Id && l.Slug == "welcome");
        var quiz = await db.Lessons.SingleAsync(l => l.CourseId == course.Id && l.Slug == "check");
        var now = DateTimeOffset.UtcNow;
        var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
        stored.Department = $"Department of {name}";
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.UserId == user.Id && e.CourseId == course.Id);
        if (enrolment is null)
        {
            db.Enrolments.Add(new Enrolment { UserId = user.Id, CourseId = course.Id, EnrolledUtc = now.AddDays(-9), LastActivityUtc = now, CompletedUtc = now.AddDays(-1) });
        }
        else
        {
            enrolment.CompletedUtc = now.AddDays(-1);
        }

        db.LessonCompletions.Add(new LessonCompletion { UserId = user.Id, LessonId = lesson.Id, CompletedUtc = now.AddDays(-2) });
        db.QuizAttempts.Add(new QuizAttempt
        {
            UserId = user.Id, LessonId = quiz.Id, LessonVersion = 1, SubmittedUtc = now.AddDays(-1), Correct = 1, Total = 2, ScorePercent = 50,
            Answers = new() { ["panel"] = ["b"], ["first-steps"] = ["a"] },
        });
        var code = VerificationCode.New();
        var runKey = $"cohort:{cohort.Id}";
        db.Certificates.Add(new Certificate
        {
            Code = code, UserId = user.Id, CourseId = course.Id, CourseSlug = course.Slug, RunKey = runKey, LearnerName = name,
            CourseTitle = SampleCourse.Title, CourseLanguage = "en", LabelsLanguage = "en", MunicipalityName = app.Municipality.Name,
            CompletionDate = DateOnly.FromDateTime(now.UtcDateTime), Hours = 1, IssuingOrganisation = "RightsAcademy",
            VerificationUrl = $"https://academy.example.org/verify/{code}", IssuedUtc = now, Pdf = [1], Credential = "x.y.z",
        });
        var session = new ExchangeSession
        {
            Title = $"Session {tag}", AgendaMarkdown = "a", AgendaHtml = "<p>a</p>", HostTimeZone = "Europe/Paris", StartUtc = now.AddDays(-3),
            Duration = TimeSpan.FromHours(1), Capacity = 10, CreatedUtc = now, UpdatedUtc = now, CreatedById = coordinator.Id,
        };
        db.ExchangeSessions.Add(session);
        db.SessionRsvps.Add(new SessionRsvp { SessionId = session.Id, UserId = user.Id, Answer = RsvpAnswer.Yes, AnsweredUtc = now.AddDays(-5), UpdatedUtc = now });
        db.SessionAttendances.Add(new SessionAttendance { SessionId = session.Id, UserId = user.Id, Attended = true, RecordedById = coordinator.Id, RecordedUtc = now });
        db.CalendarFeeds.Add(new CalendarFeed { UserId = user.Id, TokenHash = Convert.ToHexString(Guid.NewGuid().ToByteArray()), CreatedUtc = now });
        db.MailPreferences.Add(new MailPreferences { UserId = user.Id, Digest = DigestMode.Weekly, UpdatedUtc = now });
        // Published by the coordinator, but naming the person (in another case) as the one to ask.
        var practice = new Practice
        {
            MunicipalityId = app.Municipality.Id, SessionId = session.Id, Title = $"Practice {tag}", City = app.Municipality.Name,
            Country = app.Municipality.Country, Theme = "housing", SummaryMarkdown = "s", SummaryHtml = "<p>s</p>", WhatWorkedMarkdown = "w",
            WhatWorkedHtml = "<p>w</p>", Contact = $"Ask {name.ToUpperInvariant()} ({email})", PublishedById = coordinator.Id, PublishedUtc = now,
        };
        db.Practices.Add(practice);
        var subject = $"Your certificate, {name}";
        db.OutboxMessages.Add(new OutboxMessage
        {
            IdempotencyKey = $"test:{user.Id}", MessageId = $"<{user.Id}@test>", ToAddress = email.ToUpperInvariant(), ToName = name, Language = "en",
            Subject = subject, TextBody = $"Hello {name}", HtmlBody = $"<p>Hello {name}</p>", Status = OutboxStatus.Sent, CreatedUtc = now,
            QueuedUtc = now, NextAttemptUtc = now,
        });
        await db.SaveChangesAsync();
        return new Footprint(stored, code, subject, cohort.Title, session.Title, practice.Id);
    }
}
