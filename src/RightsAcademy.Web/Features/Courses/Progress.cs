namespace RightsAcademy.Web.Features.Courses;

/// <summary>A learner taking a course (alone; cohort runs come with cohorts).</summary>
public sealed class Enrolment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public Guid CourseId { get; set; }

    public DateTimeOffset EnrolledUtc { get; set; }

    public DateTimeOffset? CompletedUtc { get; set; }

    public Guid? LastLessonId { get; set; }

    public DateTimeOffset LastActivityUtc { get; set; }
}

public sealed class LessonCompletion
{
    public Guid UserId { get; set; }

    public Guid LessonId { get; set; }

    public DateTimeOffset CompletedUtc { get; set; }
}

/// <summary>Every quiz submission is kept: score, pass/fail and the chosen options.</summary>
public sealed class QuizAttempt
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public Guid LessonId { get; set; }

    public int LessonVersion { get; set; }

    public DateTimeOffset SubmittedUtc { get; set; }

    public int Correct { get; set; }

    public int Total { get; set; }

    public int ScorePercent { get; set; }

    public bool Passed { get; set; }

    public Dictionary<string, List<string>> Answers { get; set; } = [];
}
