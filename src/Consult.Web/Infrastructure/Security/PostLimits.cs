using Consult.Web.Infrastructure.Data;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Consult.Web.Infrastructure.Security;

public sealed class RateLimitOptions
{
    /// <summary>Sign-in, registration and password-reset attempts per client address per minute.</summary>
    public int AccountPostsPerMinute { get; set; } = 10;

    /// <summary>Comments a signed-in user may post per hour.</summary>
    public int CommentsPerHour { get; set; } = 10;
}

/// <summary>What is limited: a client address's account posts per minute, or a user's comments per hour.</summary>
public enum PostLimit
{
    Account,
    Comment,
}

/// <summary>Answers 429 once the client has used up the limit's posts in the current window.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LimitPostsAttribute : TypeFilterAttribute
{
    public LimitPostsAttribute(PostLimit limit) : base(typeof(PostCounter)) => Arguments = [limit];
}

/// <summary>
/// Counts posts per client in fixed windows in the database, so every node applies one limit: a limiter kept in
/// each process would let a client through once per node.
/// </summary>
public sealed class PostCounter(PostLimit limit, Db db, TimeProvider clock, IOptions<RateLimitOptions> options) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var (permits, window, client) = limit switch
        {
            PostLimit.Account => (options.Value.AccountPostsPerMinute, TimeSpan.FromMinutes(1), address),
            _ => (options.Value.CommentsPerHour, TimeSpan.FromHours(1), http.User.Identity?.Name ?? address),
        };
        var seconds = (long)window.TotalSeconds;
        var windowStart = clock.GetUtcNow().ToUnixTimeSeconds() / seconds * seconds;
        var count = await db.Connection.ExecuteScalarAsync<int>(db.Command(
            """
            insert into post_count (bucket, client, window_start, count) values (@bucket, @client, @windowStart, 1)
            on conflict (bucket, client, window_start) do update set count = post_count.count + 1
            returning count
            """, new { bucket = limit.ToString(), client, windowStart }, http.RequestAborted));
        if (count == 1)
        {
            // A new window: earlier ones of this limit are of no further use.
            await db.Connection.ExecuteAsync(db.Command("delete from post_count where bucket = @bucket and window_start < @windowStart",
                new { bucket = limit.ToString(), windowStart }, http.RequestAborted));
        }
        if (count > permits)
        {
            http.Response.Headers.RetryAfter = (windowStart + seconds - clock.GetUtcNow().ToUnixTimeSeconds()).ToString();
            context.Result = new StatusCodeResult(StatusCodes.Status429TooManyRequests);
            return;
        }
        await next();
    }
}
