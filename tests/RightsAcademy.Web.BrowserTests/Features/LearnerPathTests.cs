using Microsoft.Playwright;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.BrowserTests.Features;

/// <summary>The heart of the product, clicked through as a learner would: enrol, read, complete, pass the quiz.</summary>
public sealed class LearnerPathTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_learner_enrols_reads_a_lesson_completes_it_passes_the_quiz_and_sees_the_progress()
    {
        var page = await app.SignedInPageAsync(BrowserFixture.LearnerEmail);

        await page.GetByRole(AriaRole.Link, new() { Name = "Courses", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = SampleCourse.Title }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enrol in this course" }).ClickAsync();
        await Assertions.Expect(page.GetByText("0 of 3 required lessons completed")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Welcome", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "A single pixel" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as complete" }).ClickAsync();

        // Completing moves on to the next lesson.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Only in English", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as complete" }).ClickAsync();

        await page.GotoAsync(SampleCourse.Quiz);
        await page.GetByLabel("Participation").CheckAsync();
        await page.GetByLabel("A council declaration").CheckAsync();
        await page.GetByLabel("A human rights office").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check my answers" }).ClickAsync();
        await Assertions.Expect(page.GetByText("2 of 2 questions right (100 %)")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync("/dashboard");
        await Assertions.Expect(page.GetByText("3 of 3 required lessons completed")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Course completed on")).ToBeVisibleAsync();
    }
}
