using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.ContentImport;

/// <summary>A database where the last import found one error (in a skipped course) and one warning.</summary>
public sealed class ImportProblemsFixture : AppFixture
{
    public const string BrokenPath = "content/courses/broken-page/01-basics/02-practice.md";

    private readonly TempContent _content = new TempContent().AddCourse("warned-page").AddCourse("broken-page")
        .Write("broken-page", "01-basics/02-practice.md", "---\ntitle: In practice\nminutes: lots\n---\nText.\n")
        .Write("warned-page", "01-basics/02-also-practice.md", TempContent.LessonMd("Also in practice"));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Factory.ImportAsync(_content.Folder);
    }

    public override async Task DisposeAsync()
    {
        _content.Dispose();
        await base.DisposeAsync();
    }
}

public sealed class ImportProblemsPageTests(ImportProblemsFixture app) : IClassFixture<ImportProblemsFixture>
{
    private const string Url = "/author/import-problems";

    [Fact]
    public async Task A_trainer_sees_each_problem_by_course_with_its_place_and_kind_in_their_time_zone()
    {
        await app.Factory.CreateUserAsync("trainer-problems@example.org", Roles.Trainer, app.Municipality.Id, timeZone: "Asia/Seoul");
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("trainer-problems@example.org");

        var html = await client.GetPageAsync(Url);

        Assert.Contains("<h1>Import problems</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"course-broken-page\">Course folder broken-page</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"course-warned-page\">Course folder warned-page</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Line</th>", html, StringComparison.Ordinal);
        Assert.Matches(
            $@"<th scope=""row""><code dir=""ltr"">[^<]*{ImportProblemsFixture.BrokenPath}</code></th>\s*<td>3</td>\s*<td>\s*<strong>Error</strong>\s*</td>\s*<td lang=""en"" dir=""ltr"">[^<]*minutes",
            html);
        Assert.Matches(@"courses/warned-page/01-basics/02-practice\.md</code></th>\s*<td>1</td>\s*<td>\s*Warning\s*</td>", html);
        Assert.Contains("Not imported: fix the errors below.", html, StringComparison.Ordinal);

        var foundUtc = await app.Factory.QueryAsync(db => db.ImportProblems.MaxAsync(p => p.FoundUtc));
        var seoul = TimeZoneInfo.ConvertTime(foundUtc, TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul"));
        Assert.Contains($"datetime=\"{foundUtc.ToString("O", CultureInfo.InvariantCulture)}\"", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains($"{seoul.ToString("h:mm", CultureInfo.InvariantCulture)}", html, StringComparison.Ordinal);
        Assert.Contains("(Asia/Seoul)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_sees_the_problems_too()
    {
        await app.Factory.CreateUserAsync("admin-problems@example.org", Roles.Admin, app.Municipality.Id);
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("admin-problems@example.org");

        var html = await client.GetPageAsync(Url);

        Assert.Contains(ImportProblemsFixture.BrokenPath, html, StringComparison.Ordinal);
        Assert.Contains("<strong>Error</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_speaks_the_trainers_language_and_says_the_messages_are_in_english()
    {
        await app.Factory.CreateUserAsync("trainer-ar@example.org", Roles.Trainer, app.Municipality.Id, language: "ar");
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("trainer-ar@example.org");

        var html = await client.GetPageAsync(Url);

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("<strong>خطأ</strong>", html, StringComparison.Ordinal);
        Assert.Contains("باللغة الإنجليزية", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_learner_is_refused()
    {
        await app.Factory.CreateUserAsync("learner-problems@example.org", Roles.Learner, app.Municipality.Id);
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("learner-problems@example.org");

        var response = await client.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", PathOf(response.Headers.Location!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        using var client = app.Factory.CreateFormClient();

        var response = await client.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", PathOf(response.Headers.Location!), StringComparison.Ordinal);
    }

    internal static string PathOf(Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}

/// <summary>Its own database: the page before any import, then after a clean one.</summary>
public sealed class ImportProblemsEmptyPageTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Without_problems_the_page_says_so_and_shows_no_table()
    {
        await app.Factory.CreateUserAsync("trainer-clean@example.org", Roles.Trainer, app.Municipality.Id);
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("trainer-clean@example.org");

        var before = await client.GetPageAsync("/author/import-problems");
        Assert.Contains("No course has been imported yet.", before, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", before, StringComparison.Ordinal);

        using var content = new TempContent().AddCourse("clean-course");
        var result = await app.Factory.ImportAsync(content.Folder);
        Assert.Empty(result.Problems);

        var after = await client.GetPageAsync("/author/import-problems");
        Assert.Contains("The last import found no problems in the course files.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", after, StringComparison.Ordinal);
    }
}
