using RightsAcademy.Web.Features.Certificates;

namespace RightsAcademy.Web.Tests.Features.Certificates;

public sealed class VerificationCodeTests
{
    [Fact]
    public void A_new_code_is_seven_groups_of_four_from_the_crockford_alphabet()
    {
        var code = VerificationCode.New();

        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$", code);
        Assert.Equal(VerificationCode.Length, code.Length);
        Assert.Equal(34, code.Length);
    }

    [Fact]
    public void Codes_carry_at_least_128_random_bits_spread_over_the_whole_alphabet()
    {
        Assert.True(VerificationCode.RandomCharacters * Math.Log2(VerificationCode.Alphabet.Length) >= 128);

        var codes = Enumerable.Range(0, 2000).Select(_ => VerificationCode.New().Replace("-", "", StringComparison.Ordinal)).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        // Every symbol at every random position: a missing one (chance below 1e-24 with a uniform source) means bias.
        for (var position = 0; position < VerificationCode.RandomCharacters; position++)
        {
            var seen = codes.Select(c => c[position]).ToHashSet();
            Assert.Equal(VerificationCode.Alphabet.Length, seen.Count);
        }
    }

    [Fact]
    public void A_code_parses_back_to_itself()
    {
        var code = VerificationCode.New();

        Assert.True(VerificationCode.TryParse(code, out var canonical));
        Assert.Equal(code, canonical);
    }

    [Fact]
    public void Parsing_forgives_case_hyphens_spaces_and_look_alike_letters()
    {
        var code = CodeWith('0', '1');
        var typed = code.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal).Replace('0', 'o').Replace('1', 'l');
        var spaced = string.Join(" - ", code.Split('-')).Replace('1', 'I');

        Assert.True(VerificationCode.TryParse(typed, out var fromTyped));
        Assert.Equal(code, fromTyped);
        Assert.True(VerificationCode.TryParse($"  {spaced}-- ", out var fromSpaced));
        Assert.Equal(code, fromSpaced);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hello")]
    [InlineData("7KQ4-M2XC")]
    [InlineData("UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU")]
    [InlineData("<script>alert(1)</script>")]
    public void Junk_is_refused(string? input)
    {
        Assert.False(VerificationCode.TryParse(input, out var canonical));
        Assert.Null(canonical);
    }

    [Fact]
    public void A_code_with_a_character_too_many_or_too_few_is_refused()
    {
        var code = VerificationCode.New();

        Assert.False(VerificationCode.TryParse(code + "0", out _));
        Assert.False(VerificationCode.TryParse(code[..^1], out _));
        Assert.False(VerificationCode.TryParse(new string('-', 200), out _));
    }

    [Fact]
    public void Most_single_typos_are_caught()
    {
        var caught = 0;
        var tried = 0;
        for (var n = 0; n < 200; n++)
        {
            var code = VerificationCode.New();
            foreach (var position in new[] { 0, 7, 15, 30 })
            {
                var other = VerificationCode.Alphabet[(VerificationCode.Alphabet.IndexOf(code[position], StringComparison.Ordinal) + 1 + n) % 32];
                if (other == code[position])
                {
                    continue;
                }

                tried++;
                caught += VerificationCode.TryParse(string.Concat(code.AsSpan(0, position), other.ToString(), code.AsSpan(position + 1)), out _) ? 0 : 1;
            }
        }

        Assert.True(caught >= tried * 0.99, $"{caught} of {tried} typos caught");
    }

    // A code that contains both characters, so the O/0 and I/L/1 mappings are exercised.
    private static string CodeWith(char a, char b)
    {
        while (true)
        {
            var code = VerificationCode.New();
            if (code.Contains(a, StringComparison.Ordinal) && code.Contains(b, StringComparison.Ordinal))
            {
                return code;
            }
        }
    }
}
