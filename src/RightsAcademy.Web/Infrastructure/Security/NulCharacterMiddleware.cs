namespace RightsAcademy.Web.Infrastructure.Security;

/// <summary>
/// PostgreSQL cannot store U+0000 in text and fails the query, which would reach people as a 500. No one types it:
/// a request carrying it in its address is refused as a bad request before any page sees it. (Forms need no check here:
/// ASP.NET Core's form reader already refuses the character, and model binding reports it as an invalid value.)
/// </summary>
internal sealed class NulCharacterMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var hasNul = request.Path.Value?.Contains('\0', StringComparison.Ordinal) == true
            || request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true
            || request.Query.Any(q => q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true));
        if (hasNul)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
