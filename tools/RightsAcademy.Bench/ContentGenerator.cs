using System.Globalization;
using System.Text;
using SkiaSharp;

namespace RightsAcademy.Bench;

/// <summary>
/// Writes course folders in the content format (content/README.md) for the real importer: modules of lessons of about
/// a thousand words with headings, lists, a table, a callout, a figure with its image, a footnote, a link to the
/// previous lesson and sources; the last lesson of each module is a quiz.
/// </summary>
internal static class ContentGenerator
{
    public const int LessonsPerModule = 6;

    private static readonly string[] Themes =
        ["human-rights-cities", "participation", "non-discrimination", "housing", "water", "culture", "migration", "accessibility"];

    public static string CourseSlug(int course) => $"benchmark-course-{course + 1:00}";

    public static string ModuleSlug(int module) => $"module-{module + 1}";

    public static string LessonSlug(int module, int lesson) =>
        lesson == LessonsPerModule - 1 ? $"check-module-{module + 1}" : $"lesson-{module + 1}-{lesson + 1}";

    /// <summary>Writes <paramref name="courses"/> folders of <paramref name="lessons"/> lessons under folder/courses.</summary>
    public static void Write(string folder, int courses, int lessons, int seed = 1)
    {
        var root = Path.Combine(folder, "courses");
        Directory.CreateDirectory(root);
        var modules = Math.Max(1, (lessons + LessonsPerModule - 1) / LessonsPerModule);
        var images = Images();
        for (var c = 0; c < courses; c++)
        {
            var words = new Words(new Random(seed * 1000 + c));
            var dir = Path.Combine(root, CourseSlug(c));
            Directory.CreateDirectory(Path.Combine(dir, "assets"));
            for (var i = 0; i < images.Count; i++)
            {
                File.WriteAllBytes(Path.Combine(dir, "assets", $"figure-{i + 1}.png"), images[i]);
            }

            var hours = Math.Max(1, lessons * 15 / 60m).ToString("0.##", CultureInfo.InvariantCulture);
            File.WriteAllText(Path.Combine(dir, "course.md"), $"""
                ---
                title: "{words.Title(4)} ({c + 1})"
                summary: "{words.Sentence()} {words.Sentence()}"
                themes: [{Themes[c % Themes.Length]}, {Themes[(c + 3) % Themes.Length]}]
                language: en
                languages: [en]
                estimated_hours: {hours}
                level: {(c % 3) switch { 0 => "introductory", 1 => "intermediate", _ => "advanced" }}
                enrolment: open
                ---
                {words.Paragraph(6)}

                ## What you will learn

                {string.Join('\n', Enumerable.Range(0, 5).Select(_ => "- " + words.Sentence()))}

                """);

            var written = 0;
            for (var m = 0; m < modules && written < lessons; m++)
            {
                var moduleDir = Path.Combine(dir, $"{m + 1:00}-{ModuleSlug(m)}");
                Directory.CreateDirectory(moduleDir);
                File.WriteAllText(Path.Combine(moduleDir, "module.md"), $"""
                    ---
                    title: "{words.Title(3)}"
                    summary: "{words.Sentence()}"
                    ---
                    {words.Paragraph(4)}

                    """);
                var inModule = Math.Min(LessonsPerModule, lessons - written);
                for (var l = 0; l < inModule; l++, written++)
                {
                    var isQuiz = l == LessonsPerModule - 1;
                    var file = Path.Combine(moduleDir, $"{l + 1:00}-{LessonSlug(m, l)}.md");
                    File.WriteAllText(file, isQuiz ? Quiz(words) : Lesson(words, m, l, images.Count));
                }
            }
        }
    }

    private static string Lesson(Words words, int module, int lesson, int imageCount)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            ---
            title: "{words.Title(4)}"
            minutes: {10 + lesson * 3}
            ---
            {words.Paragraph(6)}

            """);
        if (lesson > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nThis lesson builds on [the previous one]({lesson:00}-{LessonSlug(module, lesson - 1)}.md).\n");
        }

        for (var section = 0; section < 4; section++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## {words.Title(3)}\n\n{words.Paragraph(6)}\n\n{words.Paragraph(6)}\n");
            switch (section)
            {
                case 0:
                    text.Append('\n').AppendJoin('\n', Enumerable.Range(0, 6).Select(_ => $"- **{words.Noun()}**: {words.Sentence()}")).Append('\n');
                    break;
                case 1:
                    text.Append("\n| Service | Who is affected | What changes | Indicator |\n| --- | --- | --- | --- |\n");
                    for (var row = 0; row < 5; row++)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"| {words.Noun()} | {words.Noun()} | {words.Title(3)} | {words.Noun()} |\n");
                    }

                    break;
                case 2:
                    text.Append(CultureInfo.InvariantCulture, $"""

                        ^^^
                        ![A chart of {words.Noun()} by {words.Noun()}](../assets/figure-{(module + lesson) % imageCount + 1}.png)
                        ^^^ {words.Sentence()}

                        """);
                    break;
                default:
                    text.Append(CultureInfo.InvariantCulture, $"\n:::note\n{words.Sentence()} {words.Sentence()}[^1]\n:::\n");
                    break;
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"""

            ## What this means for your work

            {words.Paragraph(5)}

            ## Sources

            - {words.Title(5)}, OHCHR, 2019.
            - {words.Title(4)}, UCLG Committee on Social Inclusion, Participatory Democracy and Human Rights, 2021.

            [^1]: {words.Sentence()}

            """);
        return text.ToString();
    }

    private static string Quiz(Words words)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            ---
            title: Check your understanding
            kind: quiz
            minutes: 10
            pass_mark: 70
            ---
            {words.Paragraph(2)}

            """);
        for (var q = 0; q < 4; q++)
        {
            var multiple = q % 2 == 1;
            text.Append(CultureInfo.InvariantCulture, $"""

                ```quiz
                id: question-{q + 1}
                type: {(multiple ? "multiple" : "single")}
                question: "{words.Sentence()}"
                answer: {(multiple ? "[a, c]" : "b")}
                options:
                  - id: a
                    text: "{words.Sentence()}"
                    feedback: "{words.Sentence()}"
                  - id: b
                    text: "{words.Sentence()}"
                    feedback: "{words.Sentence()}"
                  - id: c
                    text: "{words.Sentence()}"
                  - id: d
                    text: "{words.Sentence()}"
                ```

                """);
        }

        return text.ToString();
    }

    /// <summary>Three small bar charts, as a trainer's figures would be.</summary>
    private static List<byte[]> Images()
    {
        var images = new List<byte[]>();
        for (var i = 0; i < 3; i++)
        {
            using var bitmap = new SKBitmap(480, 240);
            using (var canvas = new SKCanvas(bitmap))
            {
                canvas.Clear(SKColors.White);
                using var paint = new SKPaint { Color = new SKColor(0x1f, 0x5f, 0x8b), IsAntialias = true };
                for (var bar = 0; bar < 8; bar++)
                {
                    var height = 30 + (bar * 37 + i * 53) % 180;
                    canvas.DrawRect(20 + bar * 56, 220 - height, 40, height, paint);
                }
            }

            using var data = bitmap.Encode(SKEncodedImageFormat.Png, 90);
            images.Add(data.ToArray());
        }

        return images;
    }
}
