using RightsAcademy.Web.Features.Authoring;

namespace RightsAcademy.Web.Tests.Features.Authoring;

public sealed class PageDocumentTests
{
    private const string Lesson = "---\ntitle: \"Land banks: a primer\"\nminutes: 10\n# a comment the form keeps\nkind: quiz\npass_mark: 70\n---\nThe body.\n\nSecond paragraph.\n";

    [Fact]
    public void A_page_splits_into_fields_and_composes_back_to_the_same_text()
    {
        var form = PageDocument.Split("01-a/01-b.md", Lesson, 3);

        Assert.Equal("Land banks: a primer", form.Title);
        Assert.Equal("10", form.Minutes);
        Assert.Equal("", form.Required);
        Assert.Equal("# a comment the form keeps\nkind: quiz\npass_mark: 70", form.OtherFrontMatter);
        Assert.Equal("The body.\n\nSecond paragraph.\n", form.Body);
        Assert.Equal(Lesson, PageDocument.Compose(form));
    }

    [Fact]
    public void Quotes_in_a_title_cannot_break_out_of_the_yaml_value()
    {
        var text = PageDocument.Compose(new PageForm { Title = "A \"quoted\" title\nminutes: 999", Body = "x" });

        Assert.Equal("A \"quoted\" title minutes: 999", PageDocument.Split("p.md", text, 1).Title);
        Assert.DoesNotContain("\nminutes", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "Title", null)]
    [InlineData(3, "Minutes", null)]
    [InlineData(5, "OtherFrontMatter", null)]
    [InlineData(10, "Body", 3)]
    public void A_problem_line_maps_to_the_field_it_concerns(int line, string field, int? bodyLine)
    {
        Assert.Equal((field, bodyLine), PageDocument.FieldAt(Lesson, line));
    }
}
