using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using HealthItPm.Bot.Hosting;
using HealthItPm.Domain.Common;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Teams;

/// <summary>
/// Limits the turns one person starts (tenant and Azure AD object id), after the adapter has
/// authenticated the request and the tenant filter admitted it: before that the caller named in the
/// body is only a claim. A refused turn does nothing; the HTTP answer is 429 with Retry-After
/// (<see cref="CallerThrottled"/>, which the endpoint writes), so Teams retries later.
/// <para>
/// Only turns Teams starts are limited. The bot's own proactive turns (the delivery pipeline's, which
/// runs outside any request and has its own throttle) pass: counted here they were all one "caller",
/// and a refused one ended without sending while its card was recorded as delivered.
/// </para>
/// </summary>
public sealed partial class CallerRateLimitMiddleware : Microsoft.Bot.Builder.IMiddleware, IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly IHttpContextAccessor _http;
    private readonly ILogger<CallerRateLimitMiddleware> _logger;
    private readonly OncePerPeriod _logged = new(TimeSpan.FromMinutes(1));

    public CallerRateLimitMiddleware(
        IOptions<MessagesOptions> options, IHttpContextAccessor http, ILogger<CallerRateLimitMiddleware> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limit = options.Value.PerCaller;
        _limiter = PartitionedRateLimiter.Create<string, string>(caller => RateLimitPartition.GetTokenBucketLimiter(
            caller,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limit.Burst,
                TokensPerPeriod = limit.PerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        _http = http;
        _logger = logger;
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (_http.HttpContext is null)
        {
            await next(cancellationToken);
            return;
        }

        using var lease = _limiter.AttemptAcquire(CallerKey(activity));
        if (lease.IsAcquired)
        {
            await next(cancellationToken);
            return;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        if (_logged.FirstIn(CallerKey(activity), DateTimeOffset.UtcNow))
        {
            LogThrottled(_logger, activity.Id, activity.Type, retryAfter.TotalSeconds);
        }
        _http.HttpContext?.Features.Set(new CallerThrottled(retryAfter));
        if (activity.Type == ActivityTypes.Invoke)
        {
            turnContext.TurnState[BotAdapter.InvokeResponseKey] = new Activity(ActivityTypesEx.InvokeResponse)
            {
                Value = new InvokeResponse { Status = StatusCodes.Status429TooManyRequests },
            };
        }
    }

    public void Dispose() => _limiter.Dispose();

    // The ids are in canonical form by now (CanonicalIdsMiddleware): one person is one key however Teams wrote them.
    // A sender without an Azure AD object id that parses, or a tenant that does not, shares one key with every other:
    // a new spelling or a new channel id is not a new bucket.
    internal static string CallerKey(Activity activity)
    {
        var tenant = TenantId.TryParse(ActivityTenant.Of(activity), out var parsed) ? parsed.Value : "?";
        var person = PersonId.TryParse(activity.From?.AadObjectId, out var id) ? id.Value : "?";
        return $"{tenant}|{person}";
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Refused activity {ActivityId} of type {ActivityType}: its sender is over the rate limit; "
            + "retry after {RetryAfterSeconds} s")]
    private static partial void LogThrottled(ILogger logger, string? activityId, string? activityType, double retryAfterSeconds);
}

/// <summary>
/// Whether a key is seen for the first time in its period: a throttled caller is logged once a minute, not once a
/// refused request. Holds at most <see cref="MostKeys"/> keys; past that it starts afresh, logging again rather than growing.
/// </summary>
internal sealed class OncePerPeriod(TimeSpan period)
{
    public const int MostKeys = 4096;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    public bool FirstIn(string key, DateTimeOffset now)
    {
        if (_seen.TryGetValue(key, out var at) && now - at < period)
        {
            return false;
        }

        if (_seen.Count >= MostKeys)
        {
            _seen.Clear();
        }

        _seen[key] = now;
        return true;
    }
}

/// <summary>Set on the request when a turn was refused for its sender's rate; the endpoint answers 429 with this wait.</summary>
public sealed record CallerThrottled(TimeSpan RetryAfter);
