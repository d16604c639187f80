namespace RightsAcademy.Content;

/// <summary>The stable codes of <see cref="ContentProblem"/>, one per kind of problem, so the web app and
/// tests can match problems without parsing messages.</summary>
public static class ProblemCodes
{
    // Folders and file names
    public const string NotFound = "not-found";
    public const string MissingCourseFile = "missing-course-file";
    public const string MissingModuleFile = "missing-module-file";
    public const string ModuleWithoutLessons = "module-without-lessons";
    public const string CourseWithoutModules = "course-without-modules";
    public const string BadSlug = "bad-slug";
    public const string BadPrefix = "bad-prefix";
    public const string DuplicateSlug = "duplicate-slug";
    public const string DuplicateNumber = "duplicate-number";
    public const string StrayFile = "stray-file";
    public const string BadPath = "bad-path";
    public const string InvalidEncoding = "invalid-encoding";

    // Front matter
    public const string MissingFrontMatter = "missing-front-matter";
    public const string UnclosedFrontMatter = "unclosed-front-matter";
    public const string YamlInvalid = "yaml-invalid";
    public const string UnknownKey = "unknown-key";
    public const string MissingKey = "missing-key";
    public const string KeyNotAllowed = "key-not-allowed";
    public const string WrongType = "wrong-type";
    public const string EmptyValue = "empty-value";
    public const string InvalidValue = "invalid-value";
    public const string OutOfRange = "out-of-range";
    public const string TextTooLong = "text-too-long";
    public const string DuplicateValue = "duplicate-value";

    // Languages and translations
    public const string UnknownLanguage = "unknown-language";
    public const string DefaultLanguageNotListed = "default-language-not-listed";
    public const string TranslationWithoutSource = "translation-without-source";
    public const string TranslationLanguageNotListed = "translation-language-not-listed";
    public const string TranslationInDefaultLanguage = "translation-in-default-language";
    public const string TranslationQuizMismatch = "translation-quiz-mismatch";
    public const string TranslationAnswerDiffers = "translation-answer-differs";

    // Markdown
    public const string BrokenLink = "broken-link";
    public const string UnsafeLink = "unsafe-link";
    public const string AbsoluteLink = "absolute-link";
    public const string MissingImage = "missing-image";
    public const string ImageWithoutAlt = "image-without-alt";
    public const string ImageOutsideAssets = "image-outside-assets";
    public const string UnsupportedImage = "unsupported-image";
    public const string UnknownCallout = "unknown-callout";
    public const string MarkdownTooDeep = "markdown-too-deep";

    // Quizzes
    public const string QuizBlockInLesson = "quiz-block-in-lesson";
    public const string QuizNoQuestion = "quiz-no-question";
    public const string QuizNoAnswer = "quiz-no-answer";
    public const string QuizAnswerUnknown = "quiz-answer-unknown";
    public const string QuizSingleWithSeveralAnswers = "quiz-single-several-answers";
    public const string QuizPassMarkRange = "quiz-pass-mark-range";
    public const string QuizTooFewOptions = "quiz-too-few-options";
    public const string QuizDuplicateQuestion = "quiz-duplicate-question";
    public const string QuizDuplicateOption = "quiz-duplicate-option";
}
