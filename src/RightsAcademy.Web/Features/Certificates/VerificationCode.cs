using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace RightsAcademy.Web.Features.Certificates;

/// <summary>
/// The code printed on a certificate and typed in on the verification page: 130 random bits in Crockford
/// base32 (no I, L, O or U, so nothing reads as another character) plus two check characters, in groups of
/// four: <c>7KQ4-M2XC-…</c>. People copy it from paper, so parsing forgives case, hyphens, spaces and the
/// O/0 and I/L/1 confusions, and the check characters tell a typo from an unknown certificate.
/// </summary>
public static class VerificationCode
{
    /// <summary>Crockford's alphabet: digits and upper-case letters without I, L, O and U.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>Random characters: 26 × 5 = 130 bits, more than the 128 a guess must beat.</summary>
    public const int RandomCharacters = 26;

    public const int CheckCharacters = 2;

    public const int GroupSize = 4;

    /// <summary>The canonical form's length: 28 characters in 7 groups, with 6 hyphens.</summary>
    public const int Length = RandomCharacters + CheckCharacters + ((RandomCharacters + CheckCharacters) / GroupSize) - 1;

    // Longer input is junk, not a code with a few extra hyphens; refusing it early bounds the work.
    private const int MaxInputLength = 80;

    public static string New()
    {
        Span<char> code = stackalloc char[RandomCharacters + CheckCharacters];
        RandomNumberGenerator.GetItems(Alphabet, code[..RandomCharacters]);
        WriteCheck(code[..RandomCharacters], code[RandomCharacters..]);
        return Format(code);
    }

    /// <summary>Reads a code as a person typed it; <paramref name="canonical"/> is the form stored and printed.</summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out string? canonical)
    {
        canonical = null;
        if (string.IsNullOrWhiteSpace(input) || input.Length > MaxInputLength)
        {
            return false;
        }

        Span<char> code = stackalloc char[RandomCharacters + CheckCharacters];
        var count = 0;
        foreach (var c in input)
        {
            if (c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' || char.IsWhiteSpace(c))
            {
                continue;
            }

            var normalised = Normalise(c);
            if (normalised is null || count == code.Length)
            {
                return false;
            }

            code[count++] = normalised.Value;
        }

        if (count != code.Length)
        {
            return false;
        }

        Span<char> expected = stackalloc char[CheckCharacters];
        WriteCheck(code[..RandomCharacters], expected);
        if (!expected.SequenceEqual(code[RandomCharacters..]))
        {
            return false;
        }

        canonical = Format(code);
        return true;
    }

    private static char? Normalise(char c)
    {
        var upper = char.ToUpperInvariant(c);
        var mapped = upper switch
        {
            'O' => '0',
            'I' or 'L' => '1',
            _ => upper,
        };
        return Alphabet.Contains(mapped, StringComparison.Ordinal) ? mapped : null;
    }

    // Ten bits of a hash rather than Crockford's mod-37 symbol, whose extra symbols (*~$=U) are hard to read aloud.
    private static void WriteCheck(ReadOnlySpan<char> random, Span<char> check)
    {
        Span<byte> ascii = stackalloc byte[RandomCharacters];
        Encoding.ASCII.GetBytes(random, ascii);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(ascii, hash);
        var bits = (hash[0] << 2) | (hash[1] >> 6);
        check[0] = Alphabet[bits >> 5];
        check[1] = Alphabet[bits & 31];
    }

    private static string Format(ReadOnlySpan<char> code)
    {
        var builder = new StringBuilder(Length);
        for (var i = 0; i < code.Length; i++)
        {
            if (i > 0 && i % GroupSize == 0)
            {
                builder.Append('-');
            }

            builder.Append(code[i]);
        }

        return builder.ToString();
    }
}
