namespace RightsAcademy.Content.Tests;

public class SlugsTests
{
    [Theory]
    [InlineData("land-banks", true)]
    [InlineData("a", true)]
    [InlineData("step-2", true)]
    [InlineData("Land-banks", false)]
    [InlineData("land--banks", false)]
    [InlineData("-land", false)]
    [InlineData("land-", false)]
    [InlineData("land_banks", false)]
    [InlineData("café", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Slugs_are_lowercase_letters_digits_and_single_hyphens(string? value, bool expected)
    {
        Assert.Equal(expected, Slugs.IsSlug(value));
    }
}
