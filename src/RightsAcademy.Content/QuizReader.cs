using YamlDotNet.RepresentationModel;

namespace RightsAcademy.Content;

internal sealed record OptionSource(string Id, int Line, string? Text, int TextLine, string? Feedback, int FeedbackLine);

/// <summary>One ```quiz block as written, with lines, before its Markdown is rendered.</summary>
internal sealed record QuestionSource(
    string Id,
    int Line,
    QuestionType? Type,
    string? Question,
    int QuestionLine,
    IReadOnlyList<OptionSource> Options,
    IReadOnlyList<string>? Answer,
    int AnswerLine);

/// <summary>Reads and checks the ```quiz blocks of a quiz (content/README.md, "A quiz").</summary>
internal static class QuizReader
{
    private static readonly string[] QuestionKeys = ["id", "type", "question", "answer", "options"];
    private static readonly string[] OptionKeys = ["id", "text", "feedback"];
    private static readonly string[] QuestionTypes = ["single", "multiple"];

    /// <param name="translation">A translation may leave out type and answer (the source's count), and is
    /// compared to its source afterwards rather than checked for answers here.</param>
    public static List<QuestionSource> Read(IReadOnlyList<QuizBlockSource> blocks, string path, ProblemList problems, bool translation)
    {
        var questions = new List<QuestionSource>();
        foreach (var block in blocks)
        {
            var map = YamlLoader.LoadMapping(block.Yaml, block.FirstLine, block.FenceLine, path, "quiz block", problems);
            if (map is null)
                continue;
            var f = new YamlFields(map, path, problems, block.FirstLine, block.FenceLine);
            f.RejectUnknown(QuestionKeys);

            var id = f.Text("id", true);
            var idLine = f.LineOfKey("id");
            if (id is not null && !Slugs.IsSlug(id))
            {
                problems.Error(path, idLine, ProblemCodes.BadSlug, $"question id '{id}' is not a slug: use {Slugs.SlugRule}");
                id = null;
            }
            if (id is not null && questions.Any(q => q.Id == id))
            {
                problems.Error(path, idLine, ProblemCodes.QuizDuplicateQuestion, $"question id '{id}' is used twice in this quiz");
                id = null;
            }

            var type = f.Choice("type", !translation, QuestionTypes) switch
            {
                "single" => QuestionType.Single,
                "multiple" => QuestionType.Multiple,
                _ => (QuestionType?)null,
            };
            var question = f.Text("question", true);
            var options = ReadOptions(f, path, problems, translation);
            var answer = ReadAnswer(f, id, type, options, path, problems, translation);

            if (id is not null)
                questions.Add(new QuestionSource(id, idLine, type, question, f.LineOfKey("question"), options, answer, f.LineOfKey("answer")));
        }
        return questions;
    }

    private static List<OptionSource> ReadOptions(YamlFields f, string path, ProblemList problems, bool translation)
    {
        var options = new List<OptionSource>();
        var node = f.Node("options");
        if (node is null)
        {
            f.Missing("options", " (at least two, each with an id and a text)");
            return options;
        }
        if (node is not YamlSequenceNode sequence)
        {
            f.WrongType(node, "options", "a list of options, each starting with '- id:'");
            return options;
        }

        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode optionMap)
            {
                problems.Error(path, f.LineOf(item), ProblemCodes.WrongType,
                    "each option must have 'id:' and 'text:' lines, e.g. '- id: a' then '  text: ...'");
                continue;
            }
            var o = new YamlFields(optionMap, path, problems, f.FirstLine, f.LineOf(item), "option.");
            o.RejectUnknown(OptionKeys);
            var id = o.Text("id", true);
            var text = o.Text("text", true);
            var feedback = o.Text("feedback", false);
            if (id is null)
                continue;
            if (options.Any(x => x.Id == id))
            {
                problems.Error(path, o.LineOfKey("id"), ProblemCodes.QuizDuplicateOption, $"option id '{id}' is used twice in this question");
                continue;
            }
            options.Add(new OptionSource(id, o.LineOfKey("id"), text, o.LineOfKey("text"), feedback, o.LineOfKey("feedback")));
        }

        if (!translation && options.Count < 2)
        {
            problems.Error(path, f.LineOfKey("options"), ProblemCodes.QuizTooFewOptions,
                $"a question needs at least two options, this one has {options.Count}");
        }
        return options;
    }

    private static List<string>? ReadAnswer(YamlFields f, string? id, QuestionType? type, List<OptionSource> options,
        string path, ProblemList problems, bool translation)
    {
        var node = f.Node("answer");
        var label = id is null ? "this question" : $"question '{id}'";
        if (node is null)
        {
            if (!translation)
            {
                problems.Error(path, f.LineOfKey("answer"), ProblemCodes.QuizNoAnswer,
                    $"{label} has no answer: add 'answer:' with the id of the correct option");
            }
            return null;
        }

        var items = new List<(string Value, int Line)>();
        switch (node)
        {
            case YamlScalarNode { Value: { } value }:
                items.Add((value.Trim(), f.LineOf(node)));
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: { } itemValue })
                        items.Add((itemValue.Trim(), f.LineOf(item)));
                    else
                        problems.Error(path, f.LineOf(item), ProblemCodes.WrongType, "each answer must be an option id");
                }
                break;
            default:
                f.WrongType(node, "answer", "an option id, or a list of option ids such as [a, c]");
                return null;
        }

        var answer = items.Select(i => i.Value).Distinct(StringComparer.Ordinal).ToList();
        if (answer.Count == 0)
        {
            if (!translation)
                problems.Error(path, f.LineOf(node), ProblemCodes.QuizNoAnswer, $"{label} has an empty answer");
            return null;
        }
        if (translation)
            return answer;

        foreach (var (value, line) in items)
        {
            if (options.Count > 0 && !options.Any(o => o.Id == value))
            {
                problems.Error(path, line, ProblemCodes.QuizAnswerUnknown,
                    $"answer '{MarkdownRenderer.Shorten(value)}' is not an option of {label} (options: {string.Join(", ", options.Select(o => o.Id))})");
            }
        }
        if (type == QuestionType.Single && answer.Count > 1)
        {
            problems.Error(path, f.LineOf(node), ProblemCodes.QuizSingleWithSeveralAnswers,
                $"{label} is 'type: single' but has {answer.Count} answers: give one, or use 'type: multiple'");
        }
        return answer;
    }
}
