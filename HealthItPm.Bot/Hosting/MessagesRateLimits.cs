using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Hosting;

/// <summary>
/// ASP.NET Core's rate limiter on <c>/api/messages</c>, per remote address, before anything is read
/// or authenticated. The per-person limit, which needs the authenticated activity, is
/// <see cref="Teams.CallerRateLimitMiddleware"/>.
/// </summary>
public static class MessagesRateLimits
{
    public const string PerAddressPolicy = "messages-per-address";

    public static IServiceCollection AddHealthItPmRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PerAddressPolicy, context =>
            {
                var limit = context.RequestServices.GetRequiredService<IOptions<MessagesOptions>>().Value.PerAddress;
                return RateLimitPartition.GetTokenBucketLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = limit.Burst,
                        TokensPerPeriod = limit.PerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    });
            });
            limiter.OnRejected = (rejected, _) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? retryAfter
                    : TimeSpan.FromSeconds(1);
                rejected.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds(wait);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>Whole seconds, rounded up and at least 1: what HTTP's Retry-After can say.</summary>
    public static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
