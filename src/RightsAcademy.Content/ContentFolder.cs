namespace RightsAcademy.Content;

/// <param name="Courses">The course folders found, read into memory, ordered by slug.</param>
/// <param name="Problems">Things in the folder that are not courses (a folder without course.md, a bad slug).</param>
public sealed record ContentFolderScan(IReadOnlyList<CourseSource> Courses, IReadOnlyList<ContentProblem> Problems);

/// <summary>Finds the courses under a folder on disk, so the CLI check and the import accept whatever folder a
/// trainer points them at.</summary>
public static class ContentFolder
{
    /// <summary>Scans <paramref name="root"/>, which may be a content folder (with courses/ inside), a courses
    /// folder, or one course folder (with course.md). Paths in problems and display roots start with
    /// <paramref name="root"/> as given, so they read like the command the trainer typed.</summary>
    public static ContentFolderScan Scan(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var display = Normalise(root);
        var courses = new List<CourseSource>();
        var problems = new List<ContentProblem>();

        if (!Directory.Exists(root))
        {
            problems.Add(new ContentProblem(display, 1, ProblemSeverity.Error, ProblemCodes.NotFound,
                "folder not found: give the content folder, its courses/ folder, or one course folder"));
            return new ContentFolderScan(courses, problems);
        }

        if (File.Exists(Path.Combine(root, "course.md")))
        {
            var name = new DirectoryInfo(root).Name;
            if (CheckSlug(name, display, problems))
                courses.Add(CourseSource.FromDirectory(root, display));
            return new ContentFolderScan(courses, problems);
        }

        var coursesFolder = root;
        var coursesDisplay = display;
        if (Directory.Exists(Path.Combine(root, "courses")))
        {
            coursesFolder = Path.Combine(root, "courses");
            coursesDisplay = Join(display, "courses");
        }

        foreach (var entry in new DirectoryInfo(coursesFolder).EnumerateFileSystemInfos()
                     .Where(e => !e.Name.StartsWith('.') && e.LinkTarget is null)
                     .OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var entryDisplay = Join(coursesDisplay, entry.Name);
            if (entry is not DirectoryInfo directory)
            {
                // The courses folder of a content folder holds only courses; elsewhere (e.g. content/README.md)
                // files are the trainers' own business.
                if (coursesFolder != root)
                {
                    problems.Add(new ContentProblem(entryDisplay, 1, ProblemSeverity.Warning, ProblemCodes.StrayFile,
                        "ignored: the courses folder holds only course folders"));
                }
                continue;
            }
            if (!File.Exists(Path.Combine(directory.FullName, "course.md")))
            {
                problems.Add(new ContentProblem(Join(entryDisplay, "course.md"), 1, ProblemSeverity.Error, ProblemCodes.MissingCourseFile,
                    $"folder '{entry.Name}' is not a course: it has no course.md"));
                continue;
            }
            if (CheckSlug(entry.Name, entryDisplay, problems))
                courses.Add(CourseSource.FromDirectory(directory.FullName, entryDisplay));
        }
        return new ContentFolderScan(courses, problems);
    }

    private static bool CheckSlug(string name, string display, List<ContentProblem> problems)
    {
        if (Slugs.IsSlug(name))
            return true;
        problems.Add(new ContentProblem(display, 1, ProblemSeverity.Error, ProblemCodes.BadSlug,
            $"course folder '{name}' is not a slug: use {Slugs.SlugRule}, e.g. human-rights-cities"));
        return false;
    }

    private static string Normalise(string path)
    {
        var normalised = path.Replace('\\', '/');
        return normalised.Length > 1 ? normalised.TrimEnd('/') : normalised;
    }

    private static string Join(string left, string right) =>
        left.Length == 0 || left == "." ? right : left.EndsWith('/') ? left + right : $"{left}/{right}";
}
