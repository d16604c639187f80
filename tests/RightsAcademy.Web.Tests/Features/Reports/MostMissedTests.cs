using RightsAcademy.Web.Features.Reports;

namespace RightsAcademy.Web.Tests.Features.Reports;

/// <summary>Which quiz questions the report page lists when there are too many to show them all.</summary>
public sealed class MostMissedTests
{
    [Fact]
    public void The_lowest_shares_of_right_answers_come_first_and_suppressed_questions_last()
    {
        // Question i: 10 people, 30 answers, 30 - i right, except that every fifth question has only 3 people.
        var rows = Enumerable.Range(0, 25)
            .Select(i => new ReportFigures.QuestionRow { QuestionId = $"q{i}", People = i % 5 == 0 ? 3 : 10, Answers = 30, Correct = 30 - i })
            .Reverse()
            .ToList();

        var shown = ShowReport.MostMissed(rows, r => r, people => people < 5, 20).ToList();

        var visible = rows.Where(r => r.People >= 5).OrderBy(r => (double)r.Correct / r.Answers).Select(r => r.QuestionId).ToList();
        Assert.Equal(20, shown.Count);
        Assert.Equal(visible, shown.Take(visible.Count).Select(r => r.QuestionId));
        Assert.All(shown.Skip(visible.Count), r => Assert.True(r.People < 5));
        Assert.Equal("q24", shown[0].QuestionId);
    }

    [Fact]
    public void Without_suppression_a_small_group_ranks_by_its_share_like_any_other()
    {
        var rows = new[]
        {
            new ReportFigures.QuestionRow { QuestionId = "clear", People = 2, Answers = 2, Correct = 2 },
            new ReportFigures.QuestionRow { QuestionId = "unclear", People = 2, Answers = 2, Correct = 0 },
            new ReportFigures.QuestionRow { QuestionId = "unanswered", People = 0, Answers = 0, Correct = 0 },
        };

        var shown = ShowReport.MostMissed(rows, r => r, _ => false, 2).Select(r => r.QuestionId);

        Assert.Equal(["unclear", "clear"], shown);
    }
}
