using System.Text;

namespace RightsAcademy.Bench;

/// <summary>Plausible municipal human-rights prose from a fixed vocabulary: realistic lengths, no meaning needed.</summary>
internal sealed class Words(Random random)
{
    private static readonly string[] Nouns =
    [
        "city hall", "housing office", "social services", "participation", "non-discrimination", "accountability",
        "residents", "neighbourhood council", "human rights office", "ombudsperson", "budget", "charter", "ordinance",
        "public space", "library", "bus route", "waiting list", "complaint", "indicator", "data", "consultation",
        "migrant families", "older people", "people with disabilities", "young people", "women", "school", "clinic",
        "water service", "street lighting", "procurement", "contract", "training", "department", "mayor", "councillor",
        "civil society", "evaluation", "policy", "service", "right to housing", "right to water", "cultural life",
    ];

    private static readonly string[] Verbs =
    [
        "supports", "measures", "protects", "reviews", "explains", "publishes", "involves", "changes", "improves",
        "monitors", "respects", "funds", "plans", "reports on", "listens to", "trains", "adapts", "questions",
    ];

    private static readonly string[] Adjectives =
    [
        "local", "public", "accessible", "fair", "transparent", "affordable", "inclusive", "municipal", "everyday",
        "clear", "practical", "independent", "regular", "new", "existing", "binding", "simple", "shared",
    ];

    public string Pick(IReadOnlyList<string> items) => items[random.Next(items.Count)];

    public string Noun() => Pick(Nouns);

    public string Sentence()
    {
        var text = $"The {Pick(Adjectives)} {Noun()} {Pick(Verbs)} the {Pick(Adjectives)} {Noun()}";
        if (random.Next(3) == 0)
        {
            text += $" when the {Noun()} {Pick(Verbs)} {Pick(Adjectives)} {Noun()}";
        }

        if (random.Next(4) == 0)
        {
            text += $", and every {Noun()} {Pick(Verbs)} the {Noun()}";
        }

        return char.ToUpperInvariant(text[0]) + text[1..] + ".";
    }

    public string Paragraph(int sentences)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < sentences; i++)
        {
            builder.Append(i == 0 ? "" : (i % 5 == 0 ? "\n" : " ")).Append(Sentence());
        }

        return builder.ToString();
    }

    public string Title(int words)
    {
        var text = string.Join(' ', Enumerable.Range(0, words).Select(i => i % 2 == 0 ? Pick(Adjectives) : Noun()));
        return char.ToUpperInvariant(text[0]) + text[1..];
    }
}
