using System.Globalization;
using System.Text;
using HarfBuzzSharp;

namespace RightsAcademy.Web.Features.Certificates;

internal enum BidiClass { L, R, Number, Neutral, Mark }

/// <summary>
/// Enough of the Unicode Bidirectional Algorithm (UAX #9) for one-line certificate texts: strong letters,
/// European numbers with their separators and terminators (W1–W7), neutrals (N1–N2), implicit levels (I1–I2)
/// and reordering (L2). No explicit embeddings or isolates (the shaper removes them); .NET has no public bidi API.
/// </summary>
internal static class Bidi
{
    public static BidiClass Classify(Rune rune, Script script)
    {
        switch (rune.Value)
        {
            case 0x200E:
                return BidiClass.L; // LEFT-TO-RIGHT MARK
            case 0x200F or 0x061C:
                return BidiClass.R; // RIGHT-TO-LEFT MARK, ARABIC LETTER MARK
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.Format => BidiClass.Mark,
            UnicodeCategory.DecimalDigitNumber => BidiClass.Number,
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber =>
                script.HorizontalDirection == Direction.RightToLeft ? BidiClass.R : BidiClass.L,
            _ => BidiClass.Neutral,
        };
    }

    /// <summary>The embedding level of each character: even is left-to-right, odd right-to-left.</summary>
    public static int[] Levels(Rune[] runes, Script[] scripts, bool rightToLeft)
    {
        var n = runes.Length;
        var classes = new BidiClass[n];
        for (var i = 0; i < n; i++)
        {
            var c = Classify(runes[i], scripts[i]);
            // W1: a mark takes the class of the character it follows.
            classes[i] = c == BidiClass.Mark ? (i > 0 ? classes[i - 1] : BidiClass.Neutral) : c;
        }

        // W4: one separator between two numbers ("2.5", "28/11/2026") belongs to the number.
        for (var i = 1; i < n - 1; i++)
        {
            if (classes[i] == BidiClass.Neutral && IsSeparator(runes[i]) && classes[i - 1] == BidiClass.Number && classes[i + 1] == BidiClass.Number)
            {
                classes[i] = BidiClass.Number;
            }
        }

        // W5: terminators ("%", "$", "°") next to a number belong to it.
        for (var i = 1; i < n; i++)
        {
            if (classes[i] == BidiClass.Neutral && IsTerminator(runes[i]) && classes[i - 1] == BidiClass.Number)
            {
                classes[i] = BidiClass.Number;
            }
        }

        for (var i = n - 2; i >= 0; i--)
        {
            if (classes[i] == BidiClass.Neutral && IsTerminator(runes[i]) && classes[i + 1] == BidiClass.Number)
            {
                classes[i] = BidiClass.Number;
            }
        }

        var embedding = rightToLeft ? BidiClass.R : BidiClass.L;
        var direction = new BidiClass[n];
        var levels = new int[n];
        var previousStrong = embedding;
        for (var i = 0; i < n; i++)
        {
            switch (classes[i])
            {
                case BidiClass.L:
                    previousStrong = direction[i] = BidiClass.L;
                    levels[i] = rightToLeft ? 2 : 0;
                    break;
                case BidiClass.R:
                    previousStrong = direction[i] = BidiClass.R;
                    levels[i] = 1;
                    break;
                case BidiClass.Number:
                    // W2/W7: a number after Arabic letters acts as right-to-left for its neighbours, after Latin
                    // as left-to-right; I1/I2: its digits always read left to right.
                    direction[i] = previousStrong;
                    levels[i] = rightToLeft || previousStrong == BidiClass.R ? 2 : 0;
                    break;
            }
        }

        // N1/N2: neutrals between two characters of one direction take it; otherwise the paragraph's.
        for (var i = 0; i < n;)
        {
            if (classes[i] != BidiClass.Neutral)
            {
                i++;
                continue;
            }

            var end = i;
            while (end < n && classes[end] == BidiClass.Neutral)
            {
                end++;
            }

            var before = i > 0 ? direction[i - 1] : embedding;
            var after = end < n ? direction[end] : embedding;
            var level = before != after ? (rightToLeft ? 1 : 0) : before == BidiClass.R ? 1 : rightToLeft ? 2 : 0;
            Array.Fill(levels, level, i, end - i);
            i = end;
        }

        return levels;
    }

    /// <summary>L2: from the highest level down to the lowest odd one, reverse every run at that level or higher.</summary>
    public static List<T> VisualOrder<T>(IReadOnlyList<T> items, Func<T, int> level)
    {
        var order = items.ToList();
        if (order.Count == 0)
        {
            return order;
        }

        var highest = order.Max(level);
        var lowestOdd = order.Select(level).Where(l => l % 2 == 1).DefaultIfEmpty(highest + 1).Min();
        for (var current = highest; current >= lowestOdd; current--)
        {
            for (var i = 0; i < order.Count;)
            {
                if (level(order[i]) < current)
                {
                    i++;
                    continue;
                }

                var end = i;
                while (end < order.Count && level(order[end]) >= current)
                {
                    end++;
                }

                order.Reverse(i, end - i);
                i = end;
            }
        }

        return order;
    }

    private static bool IsSeparator(Rune rune) => rune.Value is '.' or ',' or ':' or '/' or '+' or '-' or 0x00A0 or 0x202F or 0x066B or 0x066C;

    private static bool IsTerminator(Rune rune) =>
        rune.Value is '#' or '$' or '%' or 0x00B0 or 0x2030 or 0x2031 or 0x066A || Rune.GetUnicodeCategory(rune) == UnicodeCategory.CurrencySymbol;
}
