namespace RightsAcademy.Content;

/// <summary>What course.md says, as far as it could be read (null or defaults where it was wrong).</summary>
internal sealed record CourseSettings(
    string? Title,
    string? Summary,
    IReadOnlyList<string> Themes,
    string? Language,
    IReadOnlyList<string> Languages,
    decimal? EstimatedHours,
    CourseLevel? Level,
    EnrolmentMode Enrolment,
    CompletionRule Completion,
    string? Issuer);

internal sealed record LessonSettings(string? Title, int? Minutes, bool Required, LessonKind Kind, int? PassMark);

/// <summary>The front matter keys of each kind of page (content/README.md, "Front matter").</summary>
internal static class PageSchemas
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 500;
    public const int IssuerMaxLength = 200;

    private static readonly string[] CourseKeys =
        ["title", "summary", "themes", "language", "languages", "estimated_hours", "level", "enrolment", "completion", "issuer"];
    private static readonly string[] CompletionKeys = ["required_lessons", "quizzes_passed", "min_sessions"];
    private static readonly string[] ModuleKeys = ["title", "summary"];
    private static readonly string[] LessonKeys = ["title", "minutes", "required", "kind", "pass_mark"];
    private static readonly string[] Levels = ["introductory", "intermediate", "advanced"];
    private static readonly string[] EnrolmentModes = ["open", "cohort"];
    private static readonly string[] RequiredLessonsValues = ["all", "none"];
    private static readonly string[] LessonKinds = ["lesson", "quiz"];

    /// <summary>Reads course.md. A translation (course.fr.md) may repeat every key, but only its texts are
    /// used: the rest always comes from the source, so it is neither required nor checked.</summary>
    public static CourseSettings ReadCourse(YamlFields f, bool translation, ProblemList problems, string path)
    {
        f.RejectUnknown(CourseKeys);
        var title = f.Text("title", true, TitleMaxLength);
        var summary = f.Text("summary", true, SummaryMaxLength);
        if (translation)
            return new CourseSettings(title, summary, [], null, [], null, null, EnrolmentMode.Open, CompletionRule.Default, null);

        var themes = new List<string>();
        if (f.List("themes", true) is { } themeItems)
        {
            if (themeItems.Count is < 1 or > 6)
            {
                problems.Error(path, f.LineOfKey("themes"), ProblemCodes.OutOfRange,
                    $"'themes' must list 1 to 6 themes, not {themeItems.Count}");
            }
            foreach (var (theme, line) in themeItems)
            {
                if (!Slugs.IsSlug(theme))
                    problems.Error(path, line, ProblemCodes.BadSlug, $"theme '{MarkdownRenderer.Shorten(theme)}' is not a slug: use {Slugs.SlugRule}");
                else if (themes.Contains(theme))
                    problems.Error(path, line, ProblemCodes.DuplicateValue, $"theme '{theme}' is listed twice");
                else
                    themes.Add(theme);
            }
        }

        var language = f.Text("language", true);
        if (language is not null && !LanguageCodes.IsKnown(language))
        {
            problems.Error(path, f.LineOfKey("language"), ProblemCodes.UnknownLanguage, UnknownLanguageMessage(language));
            language = null;
        }

        var languages = new List<string>();
        if (f.List("languages", true) is { } languageItems)
        {
            foreach (var (code, line) in languageItems)
            {
                if (!LanguageCodes.IsKnown(code))
                    problems.Error(path, line, ProblemCodes.UnknownLanguage, UnknownLanguageMessage(code));
                else if (languages.Contains(code))
                    problems.Error(path, line, ProblemCodes.DuplicateValue, $"language '{code}' is listed twice");
                else
                    languages.Add(code);
            }
            if (language is not null && !languages.Contains(language))
            {
                problems.Error(path, f.LineOfKey("languages"), ProblemCodes.DefaultLanguageNotListed,
                    $"'languages' must include the default language '{language}' given in 'language'");
            }
        }

        var hours = f.Number("estimated_hours", true, 0m, 200m);
        var level = f.Choice("level", true, Levels) switch
        {
            "introductory" => CourseLevel.Introductory,
            "intermediate" => CourseLevel.Intermediate,
            "advanced" => CourseLevel.Advanced,
            _ => (CourseLevel?)null,
        };
        var enrolment = f.Choice("enrolment", false, EnrolmentModes) == "cohort" ? EnrolmentMode.Cohort : EnrolmentMode.Open;

        var completion = CompletionRule.Default;
        if (f.Map("completion") is { } c)
        {
            c.RejectUnknown(CompletionKeys);
            completion = new CompletionRule(
                c.Choice("required_lessons", false, RequiredLessonsValues) != "none",
                c.Boolean("quizzes_passed", false) ?? true,
                c.Integer("min_sessions", false, 0, 100) ?? 0);
        }

        var issuer = f.Text("issuer", false, IssuerMaxLength);
        return new CourseSettings(title, summary, themes, language, languages, hours, level, enrolment, completion, issuer);
    }

    /// <summary>Reads module.md (or a translation: same keys, both texts).</summary>
    public static (string? Title, string? Summary) ReadModule(YamlFields f)
    {
        f.RejectUnknown(ModuleKeys);
        return (f.Text("title", true, TitleMaxLength), f.Text("summary", false, SummaryMaxLength));
    }

    /// <summary>Reads a lesson or quiz. A translation only needs its title: minutes, required, kind and
    /// pass_mark come from the source.</summary>
    public static LessonSettings ReadLesson(YamlFields f, bool translation, ProblemList problems, string path)
    {
        f.RejectUnknown(LessonKeys);
        var title = f.Text("title", true, TitleMaxLength);
        if (translation)
            return new LessonSettings(title, null, true, LessonKind.Lesson, null);

        var minutes = f.Integer("minutes", true, 1, 240);
        var required = f.Boolean("required", false) ?? true;
        var kindText = f.Choice("kind", false, LessonKinds);
        var kind = kindText == "quiz" ? LessonKind.Quiz : LessonKind.Lesson;
        int? passMark = null;
        if (kind == LessonKind.Quiz)
        {
            if (f.Has("pass_mark"))
                passMark = f.Integer("pass_mark", true, 1, 100, ProblemCodes.QuizPassMarkRange);
            else
                f.Missing("pass_mark", " (a quiz needs the percent of correct answers to pass, 1 to 100)");
        }
        else if (f.Has("pass_mark") && (kindText is not null || !f.Has("kind")))
        {
            // When 'kind' itself is misspelt that is the error to fix; do not pile a second one on it.
            problems.Error(path, f.LineOfKey("pass_mark"), ProblemCodes.KeyNotAllowed,
                "'pass_mark' is only for quizzes: add 'kind: quiz' or remove it");
        }
        return new LessonSettings(title, minutes, required, kind, passMark);
    }

    public static string UnknownLanguageMessage(string code) =>
        $"'{MarkdownRenderer.Shorten(code)}' is not an ISO 639-1 language code (two lowercase letters such as en, fr, es, ar, ko)";
}
