namespace RightsAcademy.Content;

/// <summary>Turns a course's files into a <see cref="CompiledCourse"/> or the list of what is wrong with them.
/// Build one and reuse it: it holds the Markdown pipeline, and Compile is safe to call from several threads.</summary>
public sealed class CourseCompiler(IContentUrlBuilder urls)
{
    private readonly IContentUrlBuilder urls = urls ?? throw new ArgumentNullException(nameof(urls));
    private readonly MarkdownRenderer renderer = new();

    /// <summary>Checks everything (it does not stop at the first problem) and returns a course only when there
    /// is no error; warnings alone still yield a course.</summary>
    public CourseCompileResult Compile(CourseSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new CourseCompilation(source, urls, renderer).Run();
    }
}
