using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Startup;
using RightsAcademy.Web.Testing;
using RightsAcademy.Web.Tests.Features.ContentImport;

namespace RightsAcademy.Web.Tests.Features.Authoring;

public sealed class ZipAndUploadTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<FormClient> SignedInAsync(string email, string role = Roles.Trainer)
    {
        await app.Factory.CreateUserAsync(email, role, app.Municipality.Id);
        var client = app.Factory.CreateFormClient();
        await client.SignInAsync(email);
        return client;
    }

    private static Dictionary<string, byte[]> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return archive.Entries.Where(e => !e.FullName.EndsWith('/')).ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }, StringComparer.Ordinal);
    }

    [Fact]
    public async Task A_course_imported_from_a_zip_and_exported_again_is_the_same_course_file_for_file()
    {
        var root = SampleCourse.WriteTo(Directory.CreateTempSubdirectory("ra-zip-").FullName, slug: "zip-course");
        try
        {
            var folder = Path.Combine(root, "courses", "zip-course");
            var zipPath = Path.Combine(root, "zip-course.zip");
            ZipFile.CreateFromDirectory(folder, zipPath, CompressionLevel.Optimal, includeBaseDirectory: true);
            var original = Unzip(await File.ReadAllBytesAsync(zipPath));
            using var trainer = await SignedInAsync("zipper@example.org");

            var imported = await trainer.PostFileAsync("/author", "/author/import", "zipFile", "zip-course.zip", await File.ReadAllBytesAsync(zipPath), "application/zip");
            var report = await imported.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
            Assert.Contains("No problems: the course can be published.", report, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, (await trainer.PublishAsync("zip-course")).StatusCode);

            var export = await trainer.GetAsync("/author/courses/zip-course/export");
            Assert.Equal("application/zip", export.Content.Headers.ContentType!.MediaType);
            var exported = Unzip(await export.Content.ReadAsByteArrayAsync());

            Assert.Equal(original.Keys.Order(StringComparer.Ordinal), exported.Keys.Order(StringComparer.Ordinal));
            foreach (var (path, bytes) in original)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(exported[path]), $"{path} differs after the round trip");
            }

            // The published course is exactly what `content import` makes of the same folder.
            var (compiled, _) = ContentCommands.Compile(root);
            var published = await app.Factory.QueryAsync(db => db.Courses.Where(c => c.Slug == "zip-course").Select(c => c.ContentHash).SingleAsync());
            Assert.Equal(compiled.Single().ContentHash, published);

            // Importing the exported zip changes nothing: same files, same versions.
            var versions = await app.Factory.QueryAsync(db => db.CourseDraftFiles.Select(f => f.Path + ":" + f.Version).OrderBy(x => x).ToListAsync());
            var again = await trainer.PostFileAsync("/author", "/author/import", "zipFile", "zip-course.zip", await export.Content.ReadAsByteArrayAsync(), "application/zip");
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(versions, await app.Factory.QueryAsync(db => db.CourseDraftFiles.Select(f => f.Path + ":" + f.Version).OrderBy(x => x).ToListAsync()));

            // Another trainer cannot take the course over by uploading a zip with its name.
            using var other = await SignedInAsync("zip-thief@example.org");
            var stolen = await other.PostFileAsync("/author", "/author/import", "zipFile", "zip-course.zip", await File.ReadAllBytesAsync(zipPath), "application/zip");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, stolen.StatusCode);
            Assert.Contains("you may not edit it", await stolen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_zip_whose_paths_leave_the_course_folder_is_refused()
    {
        using var trainer = await SignedInAsync("zip-evil@example.org");
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var w = new StreamWriter(zip.CreateEntry("evil/course.md").Open())) await w.WriteAsync("---\ntitle: x\n---\n");
            await using (var w = new StreamWriter(zip.CreateEntry("evil/../../etc/passwd").Open())) await w.WriteAsync("root");
        }

        var response = await trainer.PostFileAsync("/author", "/author/import", "zipFile", "evil.zip", buffer.ToArray(), "application/zip");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("This is not a zip of one course folder", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.Factory.QueryAsync(db => db.CourseDrafts.AnyAsync(d => d.Slug == "evil")));
    }

    [Fact]
    public async Task Uploads_are_judged_by_their_bytes_named_by_the_server_and_need_alt_text()
    {
        using var trainer = await SignedInAsync("illustrator@example.org");
        await trainer.CreateCourseAsync("illustrated");
        const string page = "/author/courses/illustrated";

        var html = "<html><script>alert(1)</script></html>"u8.ToArray();
        var lying = await trainer.PostFileAsync(page, $"{page}/assets", "imageFile", "photo.png", html, "image/png", ("Image.AltText", "A photo"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, lying.StatusCode);
        Assert.Contains("is not a PNG, JPEG or WebP image", await lying.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray();
        var svgResponse = await trainer.PostFileAsync(page, $"{page}/assets", "imageFile", "drawing.png", svg, "image/png", ("Image.AltText", "A drawing"));
        Assert.Contains("SVG images are not accepted", await svgResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var noAlt = await trainer.PostFileAsync(page, $"{page}/assets", "imageFile", "pixel.png", SampleCourse.Png, "image/png", ("Image.AltText", ""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noAlt.StatusCode);

        var tooLarge = SampleCourse.Png.Concat(new byte[2 * 1024 * 1024]).ToArray();
        var large = await trainer.PostFileAsync(page, $"{page}/assets", "imageFile", "big.png", tooLarge, "image/png", ("Image.AltText", "Big"));
        Assert.Contains("larger than 2 MB", await large.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.Factory.QueryAsync(db => db.CourseDraftFiles.AnyAsync(f => f.Path.StartsWith("assets/"))));

        // A real PNG sent under a misleading name and type is stored under a server name with .png.
        var ok = await trainer.PostFileAsync(page, $"{page}/assets", "imageFile", "../../evil name.gif", SampleCourse.Png, "text/html", ("Image.AltText", "A single pixel"));
        var body = await ok.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var stored = await app.Factory.QueryAsync(db => db.CourseDraftFiles.Where(f => f.Path.StartsWith("assets/")).Select(f => f.Path).SingleAsync());
        Assert.Matches("^assets/[0-9a-f]{16}\\.png$", stored);
        Assert.Contains($"![A single pixel](../{stored})", System.Net.WebUtility.HtmlDecode(body), StringComparison.Ordinal);
        var served = await trainer.GetAsync($"{page}/files/{stored}");
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task An_admin_adds_an_owner_who_can_then_edit_and_a_trainer_cannot_add_owners()
    {
        using var owner = await SignedInAsync("first@example.org");
        await owner.CreateCourseAsync("team-course");
        using var colleague = await SignedInAsync("colleague@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync("/author/courses/team-course")).StatusCode);

        var byTrainer = await owner.PostFormAsync("/author/courses/team-course", "/author/courses/team-course/owners", ("Owner.Email", "colleague@example.org"));
        Assert.Equal(HttpStatusCode.Redirect, byTrainer.StatusCode);
        Assert.Contains("/account/access-denied", byTrainer.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync("/author/courses/team-course")).StatusCode);

        using var admin = await SignedInAsync("course-admin@example.org", Roles.Admin);
        await app.Factory.CreateUserAsync("a-learner@example.org", Roles.Learner, app.Municipality.Id);
        var learner = await admin.PostFormAsync("/author/courses/team-course", "/author/courses/team-course/owners", ("Owner.Email", "a-learner@example.org"));
        Assert.Contains("No trainer has this email address", await learner.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var added = await admin.PostFormAsync("/author/courses/team-course", "/author/courses/team-course/owners", ("Owner.Email", "colleague@example.org"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        Assert.Contains("colleague@example.org", await colleague.GetPageAsync("/author/courses/team-course"), StringComparison.Ordinal);
    }
}
