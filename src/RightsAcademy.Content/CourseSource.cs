namespace RightsAcademy.Content;

/// <summary>Every file of one course, read into memory.</summary>
/// <param name="Slug">The course's identity: its folder name.</param>
/// <param name="DisplayRoot">Prefixed to problem paths so trainers see where a file lives,
/// e.g. "content/courses/human-rights-cities". May be empty.</param>
/// <param name="Files">The files; their order does not matter.</param>
public sealed record CourseSource(string Slug, string DisplayRoot, IReadOnlyList<SourceFile> Files)
{
    /// <summary>Reads every file under <paramref name="courseDirectory"/>. Hidden files and folders (".git",
    /// ".DS_Store") are skipped because they are editor or OS litter, not content, and would otherwise change
    /// the course hash. Symbolic links are skipped so that a link cannot publish files from outside the course
    /// (for example a secret) as an asset.</summary>
    public static CourseSource FromDirectory(string courseDirectory, string displayRoot)
    {
        ArgumentNullException.ThrowIfNull(courseDirectory);
        var root = new DirectoryInfo(courseDirectory);
        if (!root.Exists)
            throw new DirectoryNotFoundException($"Course folder not found: {courseDirectory}");

        var files = new List<SourceFile>();
        Collect(root, "", files);
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new CourseSource(root.Name, displayRoot ?? "", files);
    }

    private static void Collect(DirectoryInfo directory, string prefix, List<SourceFile> files)
    {
        foreach (var entry in directory.EnumerateFileSystemInfos())
        {
            if (entry.Name.StartsWith('.') || entry.LinkTarget is not null)
                continue;
            var path = prefix + entry.Name;
            if (entry is DirectoryInfo sub)
                Collect(sub, path + "/", files);
            else
                files.Add(new SourceFile(path, File.ReadAllBytes(entry.FullName)));
        }
    }
}
