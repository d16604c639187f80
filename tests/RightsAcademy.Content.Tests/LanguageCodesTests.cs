namespace RightsAcademy.Content.Tests;

public class LanguageCodesTests
{
    [Fact]
    public void The_list_holds_the_183_current_iso_639_1_codes()
    {
        Assert.Equal(183, LanguageCodes.All.Count);
        Assert.All(LanguageCodes.All, code => Assert.Matches("^[a-z]{2}$", code));
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("fr", true)]
    [InlineData("ar", true)]
    [InlineData("ko", true)]
    [InlineData("zu", true)]
    [InlineData("EN", false)]
    [InlineData("eng", false)]
    [InlineData("xx", false)]
    [InlineData("pt-BR", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Codes_are_known_only_in_lowercase_two_letter_form(string? code, bool known)
    {
        Assert.Equal(known, LanguageCodes.IsKnown(code));
    }

    [Fact]
    public void Right_to_left_languages_are_marked()
    {
        Assert.True(LanguageCodes.IsRightToLeft("ar"));
        Assert.True(LanguageCodes.IsRightToLeft("he"));
        Assert.False(LanguageCodes.IsRightToLeft("fr"));
    }
}
