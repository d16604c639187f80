namespace RightsAcademy.Content.Tests;

/// <summary>
/// The benchmark's data set in miniature: many long, feature-rich courses compile without problems.
/// How fast they compile is measured by infra/bench, never by a timed unit test.
/// </summary>
public class LargeCourseTests
{
    [Fact]
    public void Sixty_courses_of_thirty_lessons_with_every_feature_compile_cleanly()
    {
        var results = Enumerable.Range(1, 60).Select(BigCourse).Select(TestCourse.Compiler.Compile).ToList();

        Assert.All(results, r => Assert.True(r.Course is not null, string.Join('\n', r.Problems)));
        Assert.Equal(1800, results.Sum(r => r.Course!.Modules.Sum(m => m.Lessons.Count)));
        Assert.All(results, r => Assert.Contains("<aside class=\"callout callout-note\"", r.Course!.Modules[0].Lessons[0].Texts["fr"].Html, StringComparison.Ordinal));
    }

    private static CourseSource BigCourse(int n)
    {
        var course = TestCourse.Valid().Without("01-basics/01-intro.md").Without("01-basics/module.md").WithBytes("assets/map.png", TestCourse.Png);
        for (var m = 1; m <= 5; m++)
        {
            course.With($"0{m}-module-{m}/module.md", TestCourse.ModuleMd);
            for (var l = 1; l <= 6; l++)
            {
                var path = $"0{m}-module-{m}/0{l}-lesson-{l}";
                if (l == 6)
                {
                    course.With(path + ".md", TestCourse.QuizMd).With(path + ".fr.md", TestCourse.QuizMd.Replace("kind: quiz\nminutes: 5\npass_mark: 70\n", "", StringComparison.Ordinal));
                    continue;
                }
                course.With(path + ".md", "---\ntitle: Lesson\nminutes: 12\n---\n" + LessonBody(m, l))
                    .With(path + ".fr.md", "---\ntitle: Leçon\n---\n" + LessonBody(m, l));
            }
        }
        return course.Build($"course-{n}", $"content/courses/course-{n}");
    }

    private static string LessonBody(int module, int lesson) => string.Concat(Enumerable.Repeat($"""
        ## Section about land banks

        Some **text** with a [link to the next module](../0{module % 5 + 1}-module-{module % 5 + 1}/01-lesson-1.md#section),
        a footnote[^{lesson}] and an [external source](https://example.org/report-{lesson}).

        :::note
        A callout with *emphasis*.
        :::

        | Year | City |
        | ---: | --- |
        | 2011 | Gwangju |

        ^^^
        ![A map of the city](../assets/map.png)
        ^^^ The map.

        [^{lesson}]: The source, 2024.

        """, 4));
}
