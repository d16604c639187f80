using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.Extensions.Options;
using RightsAcademy.Web.Infrastructure.Startup;

namespace RightsAcademy.Web.Tests.Infrastructure;

/// <summary>
/// When a page's turn ends, with one turn to share: at the start of its response (a slow reader of a large answer
/// does not hold it), or at its end when it fails before answering.
/// </summary>
public sealed class PageRequestGateTurnTests
{
    private readonly PageRequestGate _gate;
    private RequestDelegate _next = _ => Task.CompletedTask;

    public PageRequestGateTurnTests() =>
        _gate = new PageRequestGate(context => _next(context), Options.Create(new PageConcurrencyOptions { ConcurrentRequests = 1 }));

    [Fact]
    public async Task A_page_whose_response_has_started_lets_the_next_page_in_while_it_is_still_being_sent()
    {
        var sending = new TaskCompletionSource();
        _next = async context =>
        {
            await context.Response.StartAsync();
            await sending.Task; // the body still going out to a slow reader
        };
        var first = _gate.InvokeAsync(Page());

        _next = _ => Task.CompletedTask;
        var second = _gate.InvokeAsync(Page());

        Assert.True(second.IsCompletedSuccessfully, "the second page waited for a turn the first had given back");
        Assert.False(first.IsCompleted);
        sending.SetResult();
        await first;
    }

    [Fact]
    public async Task A_page_that_has_not_answered_yet_keeps_the_turn_until_it_ends_even_when_it_fails()
    {
        var working = new TaskCompletionSource();
        _next = async _ => await working.Task;
        var first = _gate.InvokeAsync(Page());

        var ran = false;
        _next = _ =>
        {
            ran = true;
            return Task.CompletedTask;
        };
        var second = _gate.InvokeAsync(Page());
        Assert.False(second.IsCompleted);
        Assert.False(ran);

        working.SetException(new InvalidOperationException("the page failed"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        await second;
        Assert.True(ran);
    }

    [Fact]
    public async Task Requests_that_are_not_pages_never_wait()
    {
        var working = new TaskCompletionSource();
        _next = async _ => await working.Task;
        var page = _gate.InvokeAsync(Page());

        _next = _ => Task.CompletedTask;
        Assert.True(_gate.InvokeAsync(Page(HttpMethods.Post)).IsCompletedSuccessfully, "a form post waited");
        Assert.True(_gate.InvokeAsync(NotAPage()).IsCompletedSuccessfully, "a health check waited");

        working.SetResult();
        await page;
    }

    private static DefaultHttpContext Page(string method = "GET")
    {
        var context = NotAPage();
        context.Request.Method = method;
        context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(new ControllerActionDescriptor()), "page"));
        return context;
    }

    private static DefaultHttpContext NotAPage()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Features.Set<IHttpResponseFeature>(new StartableResponse());
        context.Features.Set<IHttpResponseBodyFeature>(new StartableBody((StartableResponse)context.Features.Get<IHttpResponseFeature>()!));
        return context;
    }

    /// <summary>A response that runs its OnStarting callbacks when started, as Kestrel's does.</summary>
    private sealed class StartableResponse : HttpResponseFeature
    {
        private readonly List<(Func<object, Task> Callback, object State)> _starting = [];

        public override bool HasStarted => Started;

        public bool Started { get; private set; }

        public override void OnStarting(Func<object, Task> callback, object state) => _starting.Add((callback, state));

        public async Task StartAsync()
        {
            if (Started)
            {
                return;
            }

            Started = true;
            foreach (var (callback, state) in Enumerable.Reverse(_starting))
            {
                await callback(state);
            }
        }
    }

    private sealed class StartableBody(StartableResponse response) : StreamResponseBodyFeature(Stream.Null)
    {
        public override Task StartAsync(CancellationToken cancellationToken = default) => response.StartAsync();
    }
}
