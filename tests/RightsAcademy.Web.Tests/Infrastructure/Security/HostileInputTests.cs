using System.Net;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;
using RightsAcademy.Web.Tests.Features.Authoring;
using RightsAcademy.Web.Tests.Features.Certificates;
using RightsAcademy.Web.Tests.Features.ContentImport;

namespace RightsAcademy.Web.Tests.Infrastructure.Security;

/// <summary>
/// A corpus of hostile strings through the texts people type: nothing may execute (no payload comes back as markup),
/// nothing may leak (no stack trace or SQL error) and nothing may end in a 500.
/// The corpus goes through profiles, cohorts, query strings, session outcomes, practice entries, authoring Markdown and
/// titles, and upload file names. (Line breaks in mail headers: AccountMailOutboxTests; the Markdown renderer itself:
/// RightsAcademy.Content.Tests' MarkdownSecurityTests.)
/// </summary>
public sealed partial class HostileInputTests(CertificateFixture app) : IClassFixture<CertificateFixture>
{
    public static readonly string[] Corpus =
    [
        "<script>alert('xss')</script>",
        "\"><img src=x onerror=alert(1)>",
        "<svg/onload=alert(1)>",
        "javascript:alert(document.cookie)",
        "'; DROP TABLE \"AspNetUsers\"; --",
        "Robert'); DELETE FROM \"Cohorts\" WHERE ('1'='1",
        "%27%20OR%201=1--",
        "line one\r\nBcc: victim@example.org\r\nX-Injected: yes",
        "\u202Egnp.exe\u202C admin \u200B\u200D\uFEFF",
        "Z\u0334\u0321a\u0337l\u0336g\u0335o \U0001F600 \uD800",
        "nul\u0000byte",
        "{{7*7}} ${7*7} @(7*7)",
        new string('A', 5000),
    ];

    // What must never come back as markup; everything else may be shown, escaped.
    // (A javascript: address is looked for inside tags only: as escaped text, <a href="javascript:..."> keeps its quotes.)
    private static readonly string[] Executable = ["<script>alert", "<img src=x", "<svg/onload"];

    private static readonly string[] Leaks = ["Npgsql", "PostgresException", "   at RightsAcademy", "StackTrace", "syntax error at or near"];

    [Fact]
    public async Task Profile_texts_are_stored_or_refused_but_never_executed()
    {
        await app.Factory.CreateUserAsync("hostile-profile@example.org", Roles.Learner, app.Municipality.Id);
        using var client = await SignedInAsync("hostile-profile@example.org");

        foreach (var payload in Corpus)
        {
            var response = await client.PostFormAsync("/account/profile", "/account/profile",
                ("Form.DisplayName", payload), ("Form.CertificateName", payload), ("Form.Department", payload), ("Form.Language", "en"), ("Form.TimeZone", "Europe/Paris"));
            await AssertSafeAsync(response, $"profile with {Describe(payload)}");
            foreach (var page in new[] { "/account/profile", "/dashboard", "/certificates" })
            {
                await AssertSafeAsync(await client.GetAsync(page), $"{page} after a profile with {Describe(payload)}");
            }
        }
    }

    [Fact]
    public async Task Cohort_titles_and_csv_imports_are_never_executed()
    {
        var coordinator = await app.Factory.CreateUserAsync("hostile-coord@example.org", Roles.Coordinator, app.Municipality.Id);
        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [app.Municipality.Id], title: "Hostile cohort");
        using var client = await SignedInAsync("hostile-coord@example.org");
        var courseId = await app.CourseIdAsync();

        foreach (var payload in Corpus)
        {
            var created = await client.PostFormAsync("/cohorts/new", "/cohorts/new",
                ("Form.CourseId", courseId.ToString()), ("Form.Title", payload), ("Form.EnrolmentOpensOn", "2027-03-01"),
                ("Form.StartsOn", "2027-03-10"), ("Form.EndsOn", "2027-04-30"), ("Form.TimeZone", "Europe/Paris"), ("Form.Capacity", "20"),
                ("Form.Mode", "JoinCode"), ("Form.MunicipalityIds", app.Municipality.Id.ToString()));
            await AssertSafeAsync(created, $"cohort title {Describe(payload)}");

            var csv = $"name,email,municipality,department,language,timezone\n\"{payload.Replace("\"", "\"\"", StringComparison.Ordinal)}\",hostile{Math.Abs(payload.GetHashCode(StringComparison.Ordinal))}@example.org,{app.Municipality.Name},\"{payload.Replace("\"", "\"\"", StringComparison.Ordinal)}\",,\n";
            var imported = await client.PostFormAsync($"/cohorts/{cohort.Id}", $"/cohorts/{cohort.Id}/import", ("csv", csv));
            await AssertSafeAsync(imported, $"CSV import with {Describe(payload)}");
        }

        await AssertSafeAsync(await client.GetAsync("/cohorts"), "cohort list");
        await AssertSafeAsync(await client.GetAsync($"/cohorts/{cohort.Id}"), "cohort page");
        await AssertSafeAsync(await client.GetAsync($"/cohorts/{cohort.Id}/roster"), "roster");
        await using var db = app.Factory.Database.CreateDbContext();
        Assert.True(await db.Users.AnyAsync(), "the users table survived");
    }

    [Fact]
    public async Task Query_strings_on_every_page_never_execute_or_fail()
    {
        await app.Factory.CreateUserAsync("hostile-admin@example.org", Roles.Admin, app.Municipality.Id);
        using var admin = await SignedInAsync("hostile-admin@example.org");
        using var anonymous = app.Factory.CreateFormClient();
        var pages = Endpoints.All(app.Factory)
            .Where(e => Endpoints.Methods(e).Contains("GET") && e.RoutePattern.Parameters.Count == 0 && Endpoints.Path(e) != "/error")
            .Select(Endpoints.Path).Distinct().ToList();

        foreach (var payload in Corpus.Where(p => p.Length < 1000))
        {
            var value = Uri.EscapeDataString(payload);
            var query = $"?q={value}&search={value}&returnUrl={value}&page={value}&course={value}&status={value}&code={value}&culture={value}&from={value}&to={value}&municipality={value}&department={value}";
            foreach (var client in new[] { admin, anonymous })
            {
                foreach (var page in pages)
                {
                    await AssertSafeAsync(await client.GetAsync(page + query), $"{page} with {Describe(payload)} in the query");
                }
            }
        }
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example/steal")]
    [InlineData("\\\\evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https:%2F%2Fevil.example")]
    [InlineData("/%2F%2Fevil.example")]
    public async Task Return_urls_never_lead_off_the_site(string returnUrl)
    {
        var email = $"redirect-{Math.Abs(returnUrl.GetHashCode(StringComparison.Ordinal))}@example.org";
        await app.Factory.CreateUserAsync(email, Roles.Learner, app.Municipality.Id);
        using var client = app.Factory.CreateFormClient();

        var signIn = await client.PostFormAsync("/account/sign-in", "/account/sign-in", ("Email", email), ("Password", RightsAcademyFactory.Password), ("ReturnUrl", returnUrl));
        var language = await client.PostFormAsync("/dashboard", "/language", ("culture", "fr"), ("returnUrl", returnUrl));
        var signedInAgain = await client.GetAsync("/account/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl));

        foreach (var response in new[] { signIn, language, signedInAgain })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = response.Headers.Location!;
            Assert.False(location.IsAbsoluteUri && location.Host != "localhost", $"redirected off the site to {location}");
            var text = location.OriginalString;
            Assert.True(text.StartsWith('/') && !text.StartsWith("//", StringComparison.Ordinal) && !text.StartsWith("/\\", StringComparison.Ordinal),
                $"{returnUrl} led to {text}");
        }
    }

    [Fact]
    public async Task Oversized_bodies_are_refused_without_a_server_error()
    {
        await app.Factory.CreateUserAsync("hostile-big@example.org", Roles.Learner, app.Municipality.Id);
        using var client = await SignedInAsync("hostile-big@example.org");
        var huge = new string('x', 5 * 1024 * 1024);

        var profile = await client.PostFormAsync("/account/profile", "/account/profile",
            ("Form.DisplayName", huge), ("Form.Language", "en"), ("Form.TimeZone", "Europe/Paris"));
        using var anonymous = app.Factory.CreateFormClient();
        var signIn = await anonymous.PostFormAsync("/account/sign-in", "/account/sign-in", ("Email", huge), ("Password", huge));

        foreach (var response in new[] { profile, signIn })
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode is >= 400 and < 500 || response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect,
                $"an oversized form answered {(int)response.StatusCode}: {body[..Math.Min(400, body.Length)]}");
            await AssertSafeAsync(response, "an oversized form");
        }

        Assert.DoesNotContain(huge[..1000], await client.GetPageAsync("/account/profile"), StringComparison.Ordinal);
    }

    // Markdown fields get links and raw HTML a sanitiser must defuse, on top of the corpus.
    private static readonly string[] MarkdownCorpus =
    [
        .. Corpus,
        "[click me](javascript:alert(1))",
        "![x](javascript:alert(1))",
        "<a href=\"javascript:alert(1)\">x</a> <iframe src=\"javascript:alert(1)\"></iframe>",
        "<img src=x onerror=alert(1)> <div onmouseover=\"alert(1)\">hover</div>",
        "[x](JaVaScRiPt:alert(1)) [y](&#106;avascript:alert(1)) [z]( javascript:alert(1))",
        "<style>body{background:url(javascript:alert(1))}</style><object data=\"javascript:alert(1)\"></object>",
    ];

    [Fact]
    public async Task Session_outcomes_are_sanitised_when_shown()
    {
        var coordinator = await app.Factory.CreateUserAsync("hostile-sess-coord@example.org", Roles.Coordinator, app.Municipality.Id);
        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [app.Municipality.Id], title: "Hostile session cohort");
        var session = await app.Factory.CreateSessionAsync(coordinator.Id, [cohort.Id], startUtc: DateTimeOffset.UtcNow.AddHours(-3), title: "Hostile exchange");
        using var client = await SignedInAsync("hostile-sess-coord@example.org");

        foreach (var payload in MarkdownCorpus.Append(new string('x', 3 * 1024 * 1024)))
        {
            var recorded = await client.PostFormAsync($"/sessions/{session.Id}/record", $"/sessions/{session.Id}/record", ("Form.Outcomes", payload));
            await AssertSafeAsync(recorded, $"session outcomes {Describe(payload)}");
            await AssertSafeAsync(await client.GetAsync($"/sessions/{session.Id}"), $"session page after outcomes {Describe(payload)}");
            await AssertSafeAsync(await client.GetAsync($"/sessions/{session.Id}/record"), $"record page after outcomes {Describe(payload)}");
        }

        await AssertSafeAsync(await client.GetAsync($"/sessions/{session.Id}/invitation.ics"), "the session's calendar file");
    }

    [Fact]
    public async Task Practice_entries_are_sanitised_in_the_library_and_its_search()
    {
        var presenting = await app.Factory.CreateMunicipalityAsync("Hostile Graz", "AT", "Europe/Vienna", "en");
        var runner = await app.Factory.CreateUserAsync("hostile-prac-runner@example.org", Roles.Coordinator, app.Municipality.Id);
        await app.Factory.CreateUserAsync("hostile-prac-coord@example.org", Roles.Coordinator, presenting.Id);
        var session = await app.Factory.CreateSessionAsync(runner.Id, [], openToAllStaff: true, title: "Hostile practice exchange",
            presentingMunicipalityIds: [presenting.Id]);
        using var client = await SignedInAsync("hostile-prac-coord@example.org");
        var form = $"/sessions/{session.Id}/practices/new";

        foreach (var payload in MarkdownCorpus)
        {
            var published = await client.PostFormAsync(form, form,
                ("Form.MunicipalityId", presenting.Id.ToString()), ("Form.Title", payload), ("Form.City", payload), ("Form.Theme", payload),
                ("Form.Summary", payload), ("Form.WhatWorked", payload), ("Form.Contact", payload));
            await AssertSafeAsync(published, $"practice {Describe(payload)}");
            if (published.Headers.Location is { } location && location.OriginalString.StartsWith("/practices/", StringComparison.Ordinal))
            {
                await AssertSafeAsync(await client.GetAsync(location.OriginalString), $"practice page {Describe(payload)}");
            }

            var search = Uri.EscapeDataString(payload.Length > 500 ? payload[..500] : payload);
            await AssertSafeAsync(await client.GetAsync($"/practices?q={search}&theme={search}&city={search}&country={search}"), $"practice search {Describe(payload)}");
        }

        await AssertSafeAsync(await client.GetAsync("/practices"), "the practice library");
        Assert.True(await app.Factory.QueryAsync(db => db.Practices.AnyAsync()), "no practice was published at all: the test checked nothing");
    }

    [Fact]
    public async Task Authoring_markdown_titles_and_upload_names_are_never_executed()
    {
        await app.Factory.CreateUserAsync("hostile-author@example.org", Roles.Trainer, app.Municipality.Id);
        using var trainer = await SignedInAsync("hostile-author@example.org");
        await trainer.CreateCourseAsync("hostile-course", title: "Hostile course");
        await trainer.AddModuleAsync("hostile-course", "basics", "Basics");
        var lesson = await trainer.AddLessonAsync("hostile-course", "01-basics", "intro", "Intro");
        var course = "/author/courses/hostile-course";

        foreach (var payload in MarkdownCorpus)
        {
            await AssertSafeAsync(await trainer.PostFormAsync(course, $"{course}/modules", ("Module.Title", payload), ("Module.Name", "m")), $"module title {Describe(payload)}");
            await AssertSafeAsync(await trainer.PostFormAsync(course, $"{course}/lessons",
                ("Lesson.Folder", "01-basics"), ("Lesson.Title", payload), ("Lesson.Name", "l"), ("Lesson.Kind", "lesson")), $"lesson title {Describe(payload)}");
            foreach (var intent in new[] { "preview", "save" })
            {
                var fields = await trainer.EditorFieldsAsync("hostile-course", lesson);
                fields["Form.Title"] = payload;
                fields["Form.Body"] = $"# {payload}\n\n{payload}\n\n- {payload}\n";
                await AssertSafeAsync(await trainer.PostEditorAsync("hostile-course", lesson, fields, intent), $"lesson {intent} with {Describe(payload)}");
            }

            await AssertSafeAsync(await trainer.GetAsync(Authoring.EditUrl("hostile-course", lesson)), $"editor after {Describe(payload)}");
            await AssertSafeAsync(await trainer.GetAsync(course), $"course workspace after {Describe(payload)}");
        }

        // Upload names are the client's to choose: they must never become markup, paths or headers.
        foreach (var name in new[] { "<script>alert(1)</script>.png", "../../../etc/passwd.png", "photo%0d%0aX-Injected: yes.png", "x'><img src=x onerror=alert(1)>.png", "javascript:alert(1).png" })
        {
            var uploaded = await trainer.PostFileAsync(course, $"{course}/assets", "imageFile", name, SampleCourse.Png, "image/png", ("Image.AltText", name));
            await AssertSafeAsync(uploaded, $"upload named {Describe(name)}");
            Assert.False(uploaded.Headers.Contains("X-Injected"), "a header came from an upload name");
        }

        await AssertSafeAsync(await trainer.GetAsync(course), "course workspace after uploads");
        var paths = await app.Factory.QueryAsync(db => db.CourseDraftFiles.Select(f => f.Path).ToListAsync());
        Assert.DoesNotContain(paths, p => p.Contains("..", StringComparison.Ordinal) || p.Contains('<', StringComparison.Ordinal) || p.Contains('\n', StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("assets/", StringComparison.Ordinal));

        // Published, the lesson renders through the import's sanitiser for learners too.
        await trainer.PublishAsync("hostile-course");
        foreach (var url in new[] { "/courses", "/courses/hostile-course" })
        {
            await AssertSafeAsync(await trainer.GetAsync(url), $"{url} after publishing");
        }
    }

    private async Task<FormClient> SignedInAsync(string email)
    {
        var client = app.Factory.CreateFormClient();
        await client.SignInAsync(email);
        return client;
    }

    private static async Task AssertSafeAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{what}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 400)]}");
        foreach (var marker in Executable)
        {
            Assert.False(body.Contains(marker, StringComparison.OrdinalIgnoreCase), $"{what}: the page contains \"{marker}\" unescaped");
        }

        Assert.False(JavaScriptAddressInTag().IsMatch(body), $"{what}: a tag with a javascript: address: {JavaScriptAddressInTag().Match(body).Value}");

        if (response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            // Parsed as a browser would: any script element, event handler or javascript: address is executable.
            var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body);
            foreach (var element in document.All)
            {
                Assert.False(element.LocalName == "script" && !element.HasAttribute("src"), $"{what}: an inline script element");
                foreach (var attribute in element.Attributes)
                {
                    Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{what}: <{element.LocalName} {attribute.Name}=...> became markup");
                    Assert.False(attribute.Name is "href" or "src" or "action" or "formaction"
                        && attribute.Value.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"{what}: a javascript: address in {attribute.Name}");
                }
            }
        }

        foreach (var leak in Leaks)
        {
            Assert.False(body.Contains(leak, StringComparison.Ordinal), $"{what}: the page leaks \"{leak}\"");
        }

        if (response.Headers.Location is { } location)
        {
            Assert.DoesNotContain("\n", location.OriginalString, StringComparison.Ordinal);
            Assert.False(location.OriginalString.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"{what}: redirect to {location}");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"<[a-z][^<>]*\b(?:href|src|action|formaction|data)\s*=\s*[""']?\s*javascript:", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex JavaScriptAddressInTag();

    private static string Describe(string payload) => payload.Length > 40 ? $"{payload[..20]}… ({payload.Length} chars)" : payload;
}
