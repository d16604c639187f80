using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Infrastructure;

/// <summary>
/// Page requests take turns (<c>Pages:ConcurrentRequests</c>, here 1): a page waits while another does its work,
/// and goes on when that one has answered; health checks and form posts never wait behind pages.
/// </summary>
public sealed class PageRequestGateTests(PageRequestGateTests.Fixture app) : IClassFixture<PageRequestGateTests.Fixture>
{
    public sealed class Fixture : AppFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Pages:ConcurrentRequests"] = "1",
        };
    }

    [Fact]
    public async Task A_page_waits_for_its_turn_while_health_checks_and_posts_go_straight_through()
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        // Warm: the first request of a host builds everything; the test is about turns, not start-up.
        (await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative))).Dispose();

        // The catalogue holds the only turn: it reads the courses, which this transaction keeps locked.
        await using var db = app.Factory.Database.CreateDbContext();
        await using var hold = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("""LOCK TABLE "Courses" IN ACCESS EXCLUSIVE MODE""");
        var catalogue = client.GetAsync(new Uri("/courses", UriKind.Relative));
        await WaitUntilAsync(async () => await LockWaitsAsync() > 0);

        // A page that needs nothing from the database still waits for the turn.
        var signIn = client.GetAsync(new Uri("/account/sign-in", UriKind.Relative));

        // Not pages: the liveness check and a form post (refused for its missing token) answer meanwhile.
        using (var live = await client.GetAsync(new Uri("/healthz/live", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        using (var post = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), new FormUrlEncodedContent([])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        }

        Assert.False(signIn.IsCompleted, "the sign-in page did not wait for its turn");
        Assert.False(catalogue.IsCompleted);

        // The catalogue's turn ends with its answer: then the sign-in page gets its own.
        await hold.RollbackAsync();
        using var catalogueResponse = await catalogue;
        using var signInResponse = await signIn;
        Assert.Equal(HttpStatusCode.OK, catalogueResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signInResponse.StatusCode);
    }

    private async Task<long> LockWaitsAsync()
    {
        await using var db = app.Factory.Database.CreateDbContext();
        return await db.Database.SqlQueryRaw<long>("""select count(*) as "Value" from pg_locks where not granted""").SingleAsync();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the catalogue never reached the locked table");
            await Task.Delay(20);
        }
    }
}
