using System.Net;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Courses;

public sealed class CatalogTests(CourseFixture app) : IClassFixture<CourseFixture>
{
    [Fact]
    public async Task Anyone_can_browse_the_catalogue_and_a_course_page()
    {
        using var client = app.Factory.CreateFormClient();

        var catalogue = await client.GetPageAsync("/courses");
        var course = await client.GetPageAsync($"/courses/{SampleCourse.Slug}");

        Assert.Contains(SampleCourse.Title, catalogue, StringComparison.Ordinal);
        Assert.Contains("<strong>overview</strong>", course, StringComparison.Ordinal);
        Assert.Contains("Sign in to enrol", course, StringComparison.Ordinal);
        Assert.Contains("id=\"module-basics\"", course, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?theme=housing", true)]
    [InlineData("?theme=migration", false)]
    [InlineData("?language=fr", true)]
    [InlineData("?language=ar", false)]
    [InlineData("?theme=housing&language=fr", true)]
    public async Task Filters_by_theme_and_language(string query, bool listed)
    {
        using var client = app.Factory.CreateFormClient();

        var page = await client.GetPageAsync("/courses" + query);

        Assert.Equal(listed, page.Contains($"href=\"/courses/{SampleCourse.Slug}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_french_reader_sees_the_french_title()
    {
        using var client = app.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        var page = await client.GetPageAsync("/courses");

        Assert.Contains(SampleCourse.FrenchTitle, page, StringComparison.Ordinal);
        Assert.DoesNotContain(SampleCourse.Title, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_course_is_a_friendly_404()
    {
        using var client = app.Factory.CreateFormClient();

        var response = await client.GetAsync("/courses/no-such-course");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Course_images_are_served_with_their_type_and_cached_for_a_year()
    {
        await app.Factory.CreateUserAsync("img@example.org", RightsAcademy.Web.Features.Accounts.Roles.Learner, app.Municipality.Id);
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("img@example.org");
        await client.PostFormAsync($"/courses/{SampleCourse.Slug}", $"/courses/{SampleCourse.Slug}/enrol");
        var lesson = await client.GetPageAsync(SampleCourse.FirstLesson);
        var src = System.Text.RegularExpressions.Regex.Match(lesson, "<img src=\"([^\"]+)\"").Groups[1].Value;
        Assert.StartsWith($"/courses/{SampleCourse.Slug}/assets/", src, StringComparison.Ordinal);

        using var anonymous = app.Factory.CreateFormClient();
        var image = await anonymous.GetAsync(src);
        var wrongHash = await anonymous.GetAsync($"/courses/{SampleCourse.Slug}/assets/0000000000000000/pixel.png");

        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SampleCourse.Png, await image.Content.ReadAsByteArrayAsync());
        Assert.Contains("immutable", image.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, wrongHash.StatusCode);
    }
}
