using System.Net;
using System.Text.RegularExpressions;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Authoring;

/// <summary>The workspace driven as a browser without JavaScript drives it: real forms, real tokens.</summary>
internal static partial class Authoring
{
    public static async Task CreateCourseAsync(this FormClient client, string slug, string title = "Water and sanitation", string language = "en")
    {
        var response = await client.PostFormAsync("/author", "/author/courses",
            ("Form.Title", title), ("Form.Slug", slug), ("Form.Summary", "What the right to water asks of a city."), ("Form.Language", language));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/author/courses/{slug}", response.Headers.Location!.OriginalString);
    }

    /// <summary>Adds a module and returns the path of its module.md.</summary>
    public static async Task<string> AddModuleAsync(this FormClient client, string slug, string name, string title)
    {
        var response = await client.PostFormAsync($"/author/courses/{slug}", $"/author/courses/{slug}/modules", ("Module.Title", title), ("Module.Name", name));
        return PathFromRedirect(response);
    }

    public static async Task<string> AddLessonAsync(this FormClient client, string slug, string folder, string name, string title, string kind = "lesson")
    {
        var response = await client.PostFormAsync($"/author/courses/{slug}", $"/author/courses/{slug}/lessons",
            ("Lesson.Folder", folder), ("Lesson.Title", title), ("Lesson.Name", name), ("Lesson.Kind", kind));
        return PathFromRedirect(response);
    }

    /// <summary>Posts a multipart form (a file input) with the antiforgery token of <paramref name="pageUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(this FormClient client, string pageUrl, string actionUrl,
        string fileField, string fileName, byte[] bytes, string contentType, params (string Name, string Value)[] fields)
    {
        var token = FormClient.AntiforgeryToken(await client.GetPageAsync(pageUrl))!;
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__xsrf");
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        content.Add(file, fileField, fileName);
        return await client.Http.PostAsync(new Uri(actionUrl, UriKind.Relative), content);
    }

    public static string EditUrl(string slug, string path) => $"/author/courses/{slug}/edit?path={Uri.EscapeDataString(path)}";

    /// <summary>The editor's fields as the page renders them, so a test changes only what it means to change.</summary>
    public static async Task<Dictionary<string, string>> EditorFieldsAsync(this FormClient client, string slug, string path) =>
        Fields(await client.GetPageAsync(EditUrl(slug, path)));

    public static async Task<HttpResponseMessage> PostEditorAsync(this FormClient client, string slug, string path, Dictionary<string, string> fields,
        string intent = "save")
    {
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("intent", intent));
        return await client.PostFormAsync(EditUrl(slug, path), $"/author/courses/{slug}/edit", all);
    }

    public static async Task<HttpResponseMessage> SaveAsync(this FormClient client, string slug, string path, Action<Dictionary<string, string>> change)
    {
        var fields = await client.EditorFieldsAsync(slug, path);
        change(fields);
        return await client.PostEditorAsync(slug, path, fields);
    }

    public static async Task<HttpResponseMessage> PublishAsync(this FormClient client, string slug) =>
        await client.PostFormAsync($"/author/courses/{slug}", $"/author/courses/{slug}/publish");

    public static Dictionary<string, string> Fields(string html)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Input().Matches(html))
        {
            var name = InputName().Match(m.Value).Groups[1].Value;
            if (name.StartsWith("Form.", StringComparison.Ordinal))
            {
                fields[name] = WebUtility.HtmlDecode(InputValue().Match(m.Value).Groups[1].Value);
            }
        }

        foreach (Match m in TextArea().Matches(html))
        {
            if (m.Groups["name"].Value.StartsWith("Form.", StringComparison.Ordinal))
            {
                // ASP.NET writes a newline after <textarea> that browsers drop.
                var value = WebUtility.HtmlDecode(m.Groups["value"].Value);
                fields[m.Groups["name"].Value] = value.StartsWith("\r\n", StringComparison.Ordinal) ? value[2..] : value.StartsWith('\n') ? value[1..] : value;
            }
        }

        return fields;
    }

    private static string PathFromRedirect(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        return Uri.UnescapeDataString(location[(location.IndexOf("path=", StringComparison.Ordinal) + 5)..]);
    }

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("\\sname=\"([^\"]+)\"")]
    private static partial Regex InputName();

    [GeneratedRegex("\\svalue=\"([^\"]*)\"")]
    private static partial Regex InputValue();

    [GeneratedRegex("<textarea[^>]*?name=\"(?<name>[^\"]+)\"[^>]*>(?<value>.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextArea();
}
