namespace RightsAcademy.Content;

internal enum PageKind { Course, Module, Lesson }

/// <summary>One Markdown file: a source page or one of its translations.</summary>
/// <param name="Language">The language suffix of a translation ("fr" in "02-x.fr.md"); null for the source.</param>
internal sealed record PageFile(SourceFile File, string? Language, string Hash)
{
    public string Path => File.Path;
}

/// <summary>A page and its translations: "01-foundations/02-rights.md" with "...02-rights.fr.md".</summary>
internal sealed class PageGroup(PageKind kind, string sourcePath)
{
    public PageKind Kind { get; } = kind;

    /// <summary>Where the source is or should be.</summary>
    public string SourcePath { get; } = sourcePath;

    public PageFile? Source { get; set; }

    /// <summary>By language, in ordinal order for determinism.</summary>
    public SortedDictionary<string, PageFile> Translations { get; } = new(StringComparer.Ordinal);
}

internal sealed record LessonEntry(int Number, string Slug, PageGroup Page);

internal sealed class ModuleFolder(string folder, int number, string slug)
{
    public string Folder { get; } = folder;
    public int Number { get; } = number;
    public string Slug { get; } = slug;
    public PageGroup Page { get; } = new(PageKind.Module, folder + "/module.md");
    public Dictionary<string, LessonEntry> LessonsByFile { get; } = new(StringComparer.Ordinal);

    public IEnumerable<LessonEntry> OrderedLessons =>
        LessonsByFile.Values.OrderBy(l => l.Number).ThenBy(l => l.Slug, StringComparer.Ordinal);
}

/// <summary>What a link can point to inside a course.</summary>
internal sealed record LinkTarget(PageKind? Page, string? ModuleSlug, string? LessonSlug, string? AssetPath, string? AssetHash, byte[]? AssetBytes);

/// <summary>Sorts a course's files into course page, modules, lessons, translations and assets by their
/// paths alone (content/README.md, "A course is a folder"), reporting names that break the rules.</summary>
internal sealed class CourseLayout
{
    public PageGroup CoursePage { get; } = new(PageKind.Course, "course.md");

    public List<ModuleFolder> Modules { get; } = [];

    public List<(SourceFile File, string Hash)> Assets { get; } = [];

    /// <summary>Every linkable file by its path, translations included (a link to a translation points to the
    /// same, language-independent page).</summary>
    public Dictionary<string, LinkTarget> Targets { get; } = new(StringComparer.Ordinal);

    public static CourseLayout Build(IReadOnlyList<SourceFile> files, Func<SourceFile, string> hashOf, ProblemList problems)
    {
        var layout = new CourseLayout();
        var modules = new Dictionary<string, ModuleFolder>(StringComparer.Ordinal);
        var badFolders = new HashSet<string>(StringComparer.Ordinal);

        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var segments = file.Path.Split('/');
            if (segments[0] == "assets" && segments.Length > 1)
            {
                var hash = hashOf(file);
                layout.Assets.Add((file, hash));
                layout.Targets[file.Path] = new LinkTarget(null, null, null, file.Path, hash, file.Bytes);
                continue;
            }

            if (segments.Length == 1)
            {
                if (SplitMarkdownName(file.Path) is ("course", var language))
                    AddPage(layout.CoursePage, file, language, hashOf, problems);
                else
                    Stray(problems, file.Path, "it is not part of the course: a course folder holds course.md, its translations, assets/ and module folders");
                continue;
            }

            var folder = segments[0];
            if (!modules.TryGetValue(folder, out var module))
            {
                if (badFolders.Contains(folder))
                    continue;
                module = ModuleFor(folder, files, problems);
                if (module is null)
                {
                    badFolders.Add(folder);
                    continue;
                }
                modules[folder] = module;
                layout.Modules.Add(module);
            }

            if (segments.Length > 2)
            {
                Stray(problems, file.Path, "module folders hold only module.md, lessons and their translations; put images and files in the course's assets/ folder");
                continue;
            }
            AddModuleFile(module, file, hashOf, problems);
        }

        layout.Modules.Sort((a, b) => a.Number != b.Number ? a.Number.CompareTo(b.Number) : string.CompareOrdinal(a.Slug, b.Slug));
        return layout;
    }

    private static ModuleFolder? ModuleFor(string folder, IReadOnlyList<SourceFile> files, ProblemList problems)
    {
        var name = Slugs.ParseNumbered(folder);
        switch (name.Status)
        {
            case NumberedNameStatus.Valid:
                return new ModuleFolder(folder, name.Number, name.Slug);
            case NumberedNameStatus.BadSlug:
                problems.Error(folder, 1, ProblemCodes.BadSlug,
                    $"module folder '{folder}': after 'NN-' the name must be a slug ({Slugs.SlugRule})");
                return null;
            case NumberedNameStatus.BadPrefix:
                problems.Error(folder, 1, ProblemCodes.BadPrefix,
                    $"module folder '{folder}' must start with a two-digit number and a hyphen, like 01-foundations");
                return null;
            default:
                // A folder of Markdown files is meant to be a module; anything else is just not course content.
                if (files.Any(f => f.Path.StartsWith(folder + "/", StringComparison.Ordinal) && f.Path.EndsWith(".md", StringComparison.Ordinal)))
                {
                    problems.Error(folder, 1, ProblemCodes.BadPrefix,
                        $"module folder '{folder}' must start with a two-digit number and a hyphen, like 01-{(Slugs.IsSlug(folder) ? folder : "foundations")}");
                }
                else
                {
                    Stray(problems, folder, "this folder is not part of the course: only assets/ and module folders (NN-slug) are");
                }
                return null;
        }
    }

    private static void AddModuleFile(ModuleFolder module, SourceFile file, Func<SourceFile, string> hashOf, ProblemList problems)
    {
        var fileName = file.Path[(module.Folder.Length + 1)..];
        if (SplitMarkdownName(fileName) is not var (stem, language))
        {
            Stray(problems, file.Path, "module folders hold only module.md, lessons (NN-slug.md) and their translations; put images and files in the course's assets/ folder");
            return;
        }

        if (stem == "module")
        {
            AddPage(module.Page, file, language, hashOf, problems);
            return;
        }

        var name = Slugs.ParseNumbered(stem);
        switch (name.Status)
        {
            case NumberedNameStatus.Valid:
                if (!module.LessonsByFile.TryGetValue(stem, out var lesson))
                {
                    lesson = new LessonEntry(name.Number, name.Slug, new PageGroup(PageKind.Lesson, $"{module.Folder}/{stem}.md"));
                    module.LessonsByFile[stem] = lesson;
                }
                AddPage(lesson.Page, file, language, hashOf, problems);
                break;
            case NumberedNameStatus.BadSlug:
                problems.Error(file.Path, 1, ProblemCodes.BadSlug,
                    $"lesson file '{fileName}': after 'NN-' the name must be a slug ({Slugs.SlugRule}), then .md or .<language>.md");
                break;
            default:
                problems.Error(file.Path, 1, ProblemCodes.BadPrefix,
                    $"lesson file '{fileName}' must start with a two-digit number and a hyphen, like 01-{(Slugs.IsSlug(stem) ? stem : "introduction")}.md");
                break;
        }
    }

    private static void AddPage(PageGroup group, SourceFile file, string? language, Func<SourceFile, string> hashOf, ProblemList problems)
    {
        if (language is not null && !LanguageCodes.IsKnown(language))
        {
            problems.Error(file.Path, 1, ProblemCodes.UnknownLanguage,
                $"'{file.Path[(file.Path.LastIndexOf('/') + 1)..]}': {PageSchemas.UnknownLanguageMessage(language)}");
            return;
        }

        var page = new PageFile(file, language, hashOf(file));
        if (language is null)
            group.Source = page;
        else
            group.Translations[language] = page;
    }

    /// <summary>Registers link targets for the pages that exist, once modules and lessons are known.</summary>
    public void RegisterPageTargets()
    {
        AddTargets(CoursePage, new LinkTarget(PageKind.Course, null, null, null, null, null));
        foreach (var module in Modules)
        {
            AddTargets(module.Page, new LinkTarget(PageKind.Module, module.Slug, null, null, null, null));
            foreach (var lesson in module.LessonsByFile.Values)
                AddTargets(lesson.Page, new LinkTarget(PageKind.Lesson, module.Slug, lesson.Slug, null, null, null));
        }
    }

    private void AddTargets(PageGroup group, LinkTarget target)
    {
        if (group.Source is { } source)
            Targets[source.Path] = target;
        foreach (var translation in group.Translations.Values)
            Targets[translation.Path] = target;
    }

    /// <summary>"02-rights.fr.md" → ("02-rights", "fr"); "module.md" → ("module", null); not .md → null.</summary>
    private static (string Stem, string? Language)? SplitMarkdownName(string fileName)
    {
        if (!fileName.EndsWith(".md", StringComparison.Ordinal) || fileName.Length <= 3)
            return null;
        var stem = fileName[..^3];
        var dot = stem.LastIndexOf('.');
        return dot < 0 ? (stem, null) : (stem[..dot], stem[(dot + 1)..]);
    }

    private static void Stray(ProblemList problems, string path, string why) =>
        problems.Warning(path, 1, ProblemCodes.StrayFile, $"ignored: {why}");
}
