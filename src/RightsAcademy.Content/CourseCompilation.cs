namespace RightsAcademy.Content;

/// <summary>The state of compiling one course. Short-lived and single-threaded, so the compiler itself
/// stays stateless and thread-safe.</summary>
internal sealed class CourseCompilation(CourseSource source, IContentUrlBuilder urls, MarkdownRenderer renderer)
{
    // Stands in for the course language while course.md is missing or wrong; no course is produced then.
    private const string UnknownLanguage = "und";

    private readonly ProblemList problems = new(source.DisplayRoot);
    // By reference: two files with equal bytes are still two files, and records compare by value.
    private readonly Dictionary<SourceFile, string> hashes = new(ReferenceEqualityComparer.Instance);
    private CourseLayout layout = null!;
    private LinkResolver resolver = null!;
    private CourseSettings? settings;

    private string DefaultLanguage => settings?.Language ?? UnknownLanguage;

    public CourseCompileResult Run()
    {
        var files = CheckPaths(source.Files);
        layout = CourseLayout.Build(files, HashOf, problems);
        layout.RegisterPageTargets();
        resolver = new LinkResolver(source.Slug, urls, layout.Targets);

        if (!Slugs.IsSlug(source.Slug))
        {
            problems.Error("", 1, ProblemCodes.BadSlug,
                $"course folder '{source.Slug}' is not a slug: use {Slugs.SlugRule}, e.g. human-rights-cities");
        }

        var courseTexts = CompileCoursePage();
        var modules = CompileModules();
        var assets = layout.Assets
            .Select(a => new CompiledAsset(a.File.Path, AssetTypes.ContentType(a.File.Path, a.File.Bytes), a.File.Bytes, a.Hash))
            .ToList();

        var sorted = problems.ToSortedList();
        if (problems.HasErrors || settings is null)
            return new CourseCompileResult(null, sorted);

        var course = new CompiledCourse(
            source.Slug,
            settings.Language!,
            settings.Languages,
            settings.Themes,
            settings.EstimatedHours!.Value,
            settings.Level!.Value,
            settings.Enrolment,
            settings.Completion,
            settings.Issuer,
            courseTexts,
            modules,
            assets,
            ContentHashing.OfCourse(files.Select(f => (f.Path, HashOf(f)))));
        return new CourseCompileResult(course, sorted);
    }

    private string HashOf(SourceFile file)
    {
        if (!hashes.TryGetValue(file, out var hash))
        {
            hash = ContentHashing.Of(file.Bytes);
            hashes[file] = hash;
        }
        return hash;
    }

    /// <summary>Paths come from the caller (an upload, a test); refuse ones that could escape the course or
    /// collide, before anything else reads them.</summary>
    private List<SourceFile> CheckPaths(IReadOnlyList<SourceFile> files)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var valid = new List<SourceFile>();
        foreach (var file in files)
        {
            var path = file.Path ?? "";
            if (path.Length == 0 || path.Contains('\\', StringComparison.Ordinal)
                || path.Split('/').Any(s => s is "" or "." or ".."))
            {
                problems.Error(path, 1, ProblemCodes.BadPath, "file paths must be relative to the course folder and use '/'");
            }
            else if (!seen.Add(path))
            {
                problems.Error(path, 1, ProblemCodes.BadPath, "this file is listed twice");
            }
            else
            {
                valid.Add(file);
            }
        }
        valid.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return valid;
    }

    private Dictionary<string, PageText> CompileCoursePage()
    {
        var group = layout.CoursePage;
        if (group.Source is null)
        {
            problems.Error("course.md", 1, ProblemCodes.MissingCourseFile,
                "the course has no course.md: every course folder needs one with the course's front matter and overview");
        }
        return CompileGroup(group, false, null, (fields, translation, path) =>
        {
            var read = PageSchemas.ReadCourse(fields, translation, problems, path);
            if (!translation)
                settings = read;
            return (read.Title, read.Summary);
        });
    }

    private List<CompiledModule> CompileModules()
    {
        var modules = new List<CompiledModule>();
        var seen = new Dictionary<string, ModuleFolder>(StringComparer.Ordinal);
        var numbers = new Dictionary<int, ModuleFolder>();
        foreach (var module in layout.Modules)
        {
            if (seen.TryGetValue(module.Slug, out var first))
            {
                problems.Error(module.Folder, 1, ProblemCodes.DuplicateSlug,
                    $"module slug '{module.Slug}' is also used by {first.Folder}: module slugs must be unique in a course");
            }
            else
            {
                seen[module.Slug] = module;
            }
            if (!numbers.TryAdd(module.Number, module))
            {
                problems.Warning(module.Folder, 1, ProblemCodes.DuplicateNumber,
                    $"number {module.Number:00} is also used by {numbers[module.Number].Folder}: the order between them is by slug");
            }

            if (module.Page.Source is null)
            {
                problems.Error(module.Page.SourcePath, 1, ProblemCodes.MissingModuleFile,
                    $"module folder '{module.Folder}' has no module.md: add one with at least a title");
            }
            var texts = CompileGroup(module.Page, false, null, (fields, _, _) => PageSchemas.ReadModule(fields));
            var lessons = CompileLessons(module);
            if (lessons.Count == 0)
            {
                problems.Error(module.Page.Source?.Path ?? module.Folder, 1, ProblemCodes.ModuleWithoutLessons,
                    $"module '{module.Folder}' has no lessons: add at least one NN-slug.md file");
            }
            modules.Add(new CompiledModule(module.Slug, modules.Count + 1, texts, lessons));
        }

        if (layout.Modules.Count == 0)
        {
            problems.Error(layout.CoursePage.SourcePath, 1, ProblemCodes.CourseWithoutModules,
                "the course has no modules: add a folder such as 01-foundations with a module.md and lessons");
        }
        return modules;
    }

    private List<CompiledLesson> CompileLessons(ModuleFolder module)
    {
        var lessons = new List<CompiledLesson>();
        var seen = new Dictionary<string, LessonEntry>(StringComparer.Ordinal);
        var numbers = new Dictionary<int, LessonEntry>();
        foreach (var lesson in module.OrderedLessons)
        {
            var path = lesson.Page.Source?.Path ?? lesson.Page.SourcePath;
            if (lesson.Page.Source is not null)
            {
                if (seen.TryGetValue(lesson.Slug, out var first))
                {
                    problems.Error(path, 1, ProblemCodes.DuplicateSlug,
                        $"lesson slug '{lesson.Slug}' is also used by {first.Page.SourcePath}: lesson slugs must be unique in a module");
                }
                else
                {
                    seen[lesson.Slug] = lesson;
                }
                if (!numbers.TryAdd(lesson.Number, lesson))
                {
                    problems.Warning(path, 1, ProblemCodes.DuplicateNumber,
                        $"number {lesson.Number:00} is also used by {numbers[lesson.Number].Page.SourcePath}: the order between them is by slug");
                }
            }

            LessonSettings? lessonSettings = null;
            var sourceQuestions = new SourceQuiz();
            // The source is compiled first (CompileGroup's order), so translations know the kind and questions.
            var texts = CompileGroup(lesson.Page, true, sourceQuestions, (fields, translation, filePath) =>
            {
                var read = PageSchemas.ReadLesson(fields, translation, problems, filePath);
                if (!translation)
                    lessonSettings = read;
                return (read.Title, null);
            }, () => lessonSettings?.Kind == LessonKind.Quiz);

            if (lesson.Page.Source is null || lessonSettings is null)
                continue;
            lessons.Add(new CompiledLesson(lesson.Slug, lessons.Count + 1, lessonSettings.Kind, lessonSettings.Minutes ?? 0,
                lessonSettings.Required, lessonSettings.PassMark, texts));
        }
        return lessons;
    }

    private delegate (string? Title, string? Summary) ReadKeys(YamlFields fields, bool translation, string path);

    /// <summary>Compiles a page and its translations; returns the texts that compiled, by language.</summary>
    /// <param name="mayBeQuiz">Lessons: quiz blocks are read when <paramref name="isQuiz"/> says so.</param>
    /// <param name="sourceQuestions">Filled with the source quiz's questions, for comparing translations.</param>
    private Dictionary<string, PageText> CompileGroup(PageGroup group, bool mayBeQuiz, SourceQuiz? sourceQuestions,
        ReadKeys readKeys, Func<bool>? isQuiz = null)
    {
        var texts = new Dictionary<string, PageText>(StringComparer.Ordinal);
        if (group.Source is { } sourcePage)
        {
            var text = CompilePage(sourcePage, null, mayBeQuiz, isQuiz, sourceQuestions, readKeys);
            if (text is not null)
                texts[text.Language] = text;
        }

        foreach (var (language, translation) in group.Translations)
        {
            var usable = CheckTranslation(group, translation, language);
            var text = CompilePage(translation, group.Source, mayBeQuiz, isQuiz, sourceQuestions, readKeys);
            if (usable && text is not null)
                texts[language] = text;
        }
        return texts;
    }

    private bool CheckTranslation(PageGroup group, PageFile translation, string language)
    {
        var usable = true;
        if (group.Source is null)
        {
            problems.Error(translation.Path, 1, ProblemCodes.TranslationWithoutSource,
                $"translation without its source: {group.SourcePath} does not exist{RenumberHint(group)}");
            usable = false;
        }
        if (settings?.Language is { } defaultLanguage && language == defaultLanguage)
        {
            problems.Error(translation.Path, 1, ProblemCodes.TranslationInDefaultLanguage,
                $"'{language}' is the course's default language: its text belongs in {group.SourcePath}");
            usable = false;
        }
        else if (settings is not null && settings.Languages.Count > 0 && !settings.Languages.Contains(language))
        {
            problems.Error(translation.Path, 1, ProblemCodes.TranslationLanguageNotListed,
                $"language '{language}' is not in the course's 'languages' ({string.Join(", ", settings.Languages)}): add it in course.md");
            usable = false;
        }
        return usable;
    }

    /// <summary>Renumbering a lesson but not its translation is the usual cause of an orphaned translation.</summary>
    private string RenumberHint(PageGroup group)
    {
        if (group.Kind != PageKind.Lesson)
            return "";
        var slash = group.SourcePath.LastIndexOf('/');
        var folder = group.SourcePath[..slash];
        var slug = Slugs.ParseNumbered(group.SourcePath[(slash + 1)..^3]).Slug;
        var module = layout.Modules.FirstOrDefault(m => m.Folder == folder);
        var renamed = module?.LessonsByFile.Values.FirstOrDefault(l => l.Slug == slug && l.Page.Source is not null);
        return renamed is null ? "" : $" (was the source renumbered to {renamed.Page.SourcePath}? rename the translation too)";
    }

    private PageText? CompilePage(PageFile page, PageFile? sourcePage, bool mayBeQuiz, Func<bool>? isQuiz,
        SourceQuiz? sourceQuestions, ReadKeys readKeys)
    {
        var translation = page.Language is not null;
        var text = FrontMatter.Decode(page.File, problems);
        if (text is null)
            return null;
        var document = FrontMatter.Read(page.Path, text, problems);
        if (document is null)
            return null;

        var fields = new YamlFields(document.Map, page.Path, problems, document.YamlFirstLine, document.OpeningLine);
        var (title, summary) = readKeys(fields, translation, page.Path);
        var quiz = mayBeQuiz && isQuiz is not null && isQuiz();

        var quizBlocks = new List<QuizBlockSource>();
        var context = new MarkdownRenderContext(source.Slug, problems.Display(page.Path), document.BodyFirstLine,
            url => resolver.Resolve(page.Path, url));
        var rendered = renderer.Render(document.Body, context, quizBlocks);
        problems.AddRange(rendered.Problems);
        CheckImages(page.Path, rendered.References);

        IReadOnlyList<QuizQuestion> questions = [];
        if (!quiz)
        {
            foreach (var block in quizBlocks)
            {
                problems.Error(page.Path, block.FenceLine, ProblemCodes.QuizBlockInLesson,
                    "a ```quiz block only works in a quiz: add 'kind: quiz' and 'pass_mark' to the front matter of the source lesson");
            }
        }
        else
        {
            var read = QuizReader.Read(quizBlocks, page.Path, problems, translation);
            if (!translation)
            {
                if (quizBlocks.Count == 0)
                {
                    problems.Error(page.Path, document.OpeningLine, ProblemCodes.QuizNoQuestion,
                        "the quiz has no questions: add at least one ```quiz block");
                }
                if (sourceQuestions is not null)
                {
                    sourceQuestions.Questions.AddRange(read);
                    sourceQuestions.Readable = read.Count == quizBlocks.Count;
                }
                questions = read.Select(q => RenderQuestion(q, null, page.Path)).ToList();
            }
            else if (sourceQuestions is not null && sourcePage is not null)
            {
                // Against a source whose blocks could not all be read, every difference would be noise: the
                // source's own problems come first.
                if (sourceQuestions.Readable)
                    CompareQuiz(sourceQuestions.Questions, read, page.Path, document.BodyFirstLine);
                questions = sourceQuestions.Questions
                    .Select(sq => RenderQuestion(read.FirstOrDefault(q => q.Id == sq.Id) ?? sq, sq, page.Path))
                    .ToList();
            }
        }

        if (title is null)
            return null;
        return new PageText(page.Language ?? DefaultLanguage, title, summary, rendered.Html, page.Path, page.Hash,
            sourcePage?.Hash, questions);
    }

    /// <summary>Images must be PNG, JPEG, WebP or GIF files under assets/ (the renderer has already reported
    /// images that point nowhere or off-site).</summary>
    private void CheckImages(string path, IReadOnlyList<MarkdownReference> references)
    {
        foreach (var reference in references)
        {
            if (!reference.IsImage || reference.Kind != LinkKind.Relative || reference.RenderedUrl is null)
                continue;
            var target = resolver.Find(path, reference.Url, out _);
            if (target?.AssetBytes is null)
            {
                problems.Error(path, reference.Line, ProblemCodes.ImageOutsideAssets,
                    $"image '{MarkdownRenderer.Shorten(reference.Url)}' is not a file in assets/: images must live in the course's assets/ folder");
            }
            else if (AssetTypes.ImageContentType(target.AssetBytes) is null)
            {
                problems.Error(path, reference.Line, ProblemCodes.UnsupportedImage,
                    $"image '{MarkdownRenderer.Shorten(reference.Url)}' is not a PNG, JPEG, WebP or GIF file; link other files as [text]({MarkdownRenderer.Shorten(reference.Url)})");
            }
        }
    }

    /// <summary>A quiz translation must ask the same questions with the same options; only the words change.</summary>
    private void CompareQuiz(List<QuestionSource> sourceQuestions, List<QuestionSource> translated, string path, int bodyLine)
    {
        foreach (var missing in sourceQuestions.Where(s => translated.All(t => t.Id != s.Id)))
        {
            problems.Error(path, bodyLine, ProblemCodes.TranslationQuizMismatch,
                $"question '{missing.Id}' of the source is missing from this translation");
        }
        foreach (var question in translated)
        {
            var sourceQuestion = sourceQuestions.FirstOrDefault(s => s.Id == question.Id);
            if (sourceQuestion is null)
            {
                problems.Error(path, question.Line, ProblemCodes.TranslationQuizMismatch,
                    $"question '{question.Id}' is not in the source quiz: translations keep the source's question ids");
                continue;
            }
            if (question.Type is { } type && sourceQuestion.Type is { } sourceType && type != sourceType)
            {
                problems.Error(path, question.Line, ProblemCodes.TranslationQuizMismatch,
                    $"question '{question.Id}' has a different type from the source; leave 'type' out or copy it");
            }
            foreach (var missing in sourceQuestion.Options.Where(s => question.Options.All(t => t.Id != s.Id)))
            {
                problems.Error(path, question.Line, ProblemCodes.TranslationQuizMismatch,
                    $"option '{missing.Id}' of question '{question.Id}' is missing from this translation");
            }
            foreach (var extra in question.Options.Where(t => sourceQuestion.Options.All(s => s.Id != t.Id)))
            {
                problems.Error(path, extra.Line, ProblemCodes.TranslationQuizMismatch,
                    $"option '{extra.Id}' of question '{question.Id}' is not in the source: translations keep the source's option ids");
            }
            if (question.Answer is { } answer && sourceQuestion.Answer is { } sourceAnswer
                && !answer.Order(StringComparer.Ordinal).SequenceEqual(sourceAnswer.Order(StringComparer.Ordinal)))
            {
                problems.Error(path, question.AnswerLine, ProblemCodes.TranslationAnswerDiffers,
                    $"the answer of question '{question.Id}' ({string.Join(", ", answer)}) differs from the source ({string.Join(", ", sourceAnswer)}): leave 'answer' out or copy it");
            }
        }
    }

    /// <param name="question">The question as written in this file.</param>
    /// <param name="sourceQuestion">For a translation, the source question: it gives order, type and answer.</param>
    private QuizQuestion RenderQuestion(QuestionSource question, QuestionSource? sourceQuestion, string path)
    {
        var structure = sourceQuestion ?? question;
        var options = new List<QuizOption>();
        foreach (var structureOption in structure.Options)
        {
            var option = question.Options.FirstOrDefault(o => o.Id == structureOption.Id) ?? structureOption;
            options.Add(new QuizOption(
                option.Id,
                Inline(option.Text ?? "", option.TextLine, path),
                option.Feedback is null ? null : Inline(option.Feedback, option.FeedbackLine, path)));
        }
        return new QuizQuestion(question.Id, structure.Type ?? QuestionType.Single,
            Inline(question.Question ?? "", question.QuestionLine, path), options, structure.Answer ?? []);
    }

    private string Inline(string markdown, int line, string path)
    {
        var context = new MarkdownRenderContext(source.Slug, problems.Display(path), line, url => resolver.Resolve(path, url));
        var rendered = renderer.RenderInlineWithProblems(markdown, context);
        problems.AddRange(rendered.Problems);
        return rendered.Html;
    }

    /// <summary>The source quiz's questions as read, shared with its translations.</summary>
    private sealed class SourceQuiz
    {
        public List<QuestionSource> Questions { get; } = [];

        /// <summary>False when a block of the source could not be read (invalid YAML, no id).</summary>
        public bool Readable { get; set; }
    }
}
