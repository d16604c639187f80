namespace RightsAcademy.Content.Tests;

public class AssetTypesTests
{
    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xDB }, "image/jpeg")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x37, 0x61 }, "image/gif")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 0, 0, 0, 0x57, 0x45, 0x42, 0x50 }, "image/webp")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 0, 0, 0, 0x57, 0x41, 0x56, 0x45 }, null)]
    [InlineData(new byte[] { 0x3C, 0x73, 0x76, 0x67 }, null)]
    [InlineData(new byte[] { 0x89, 0x50 }, null)]
    [InlineData(new byte[0], null)]
    public void Images_are_recognised_by_their_signature(byte[] bytes, string? expected)
    {
        Assert.Equal(expected, AssetTypes.ImageContentType(bytes));
    }

    [Theory]
    [InlineData("assets/charter.pdf", "%PDF-1.4", "application/pdf")]
    [InlineData("assets/fake.pdf", "<html>", "application/octet-stream")]
    [InlineData("assets/page.html", "<html><script>", "application/octet-stream")]
    [InlineData("assets/logo.svg", "<svg onload=alert(1)>", "application/octet-stream")]
    [InlineData("assets/photo.png", "<script>", "application/octet-stream")]
    [InlineData("assets/handout.docx", "PK\u0003\u0004", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("assets/handout.docx", "not a zip", "application/octet-stream")]
    public void Other_assets_get_a_type_only_when_their_bytes_prove_it(string path, string content, string expected)
    {
        Assert.Equal(expected, AssetTypes.ContentType(path, System.Text.Encoding.ASCII.GetBytes(content)));
    }
}
