using System.Text.Json;
using HealthItPm.Bot.Teams;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace HealthItPm.Bot.Hosting;

public static partial class EndpointRouteBuilderExtensions
{
    private const string MessagesLog = "HealthItPm.Bot.Messages";

    /// <summary><c>POST /api/messages</c> for the Bot Connector and <c>GET /healthz</c> for probes.</summary>
    public static IEndpointRouteBuilder MapHealthItPmEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", ProcessActivityAsync).RequireRateLimiting(MessagesRateLimits.PerAddressPolicy);

        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteHealthAsync,
        });
        return endpoints;
    }

    private static async Task ProcessActivityAsync(
        HttpContext context,
        CloudAdapter adapter,
        IBot bot,
        IOptions<BotAuthenticationOptions> authentication,
        IOptions<MessagesOptions> messages,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var (request, response) = (context.Request, context.Response);
        var logger = loggers.CreateLogger(MessagesLog);
        var authenticated = !authentication.Value.AuthenticationDisabled;

        // Nothing is buffered for a request that cannot be authenticated, nor beyond what an activity needs.
        if (authenticated && !MessagesRequestGate.HasBearerTokenShape(request.Headers.Authorization))
        {
            LogRefused(logger, StatusCodes.Status401Unauthorized, "no bearer token");
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (!await MessagesRequestGate.TryBufferBodyAsync(request, messages.Value.MaxBodyBytes, cancellationToken))
        {
            LogRefused(logger, StatusCodes.Status413PayloadTooLarge, $"body over {messages.Value.MaxBodyBytes} bytes");
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        // Checked once here, before the adapter authenticates and runs a turn: an activity without the shape
        // every Teams activity has would fail inside the turn (an error logged, for a message an apology sent).
        if (ActivityShape.Problem(request.Body) is { } problem)
        {
            LogRefused(logger, StatusCodes.Status400BadRequest, "not a usable activity: " + problem);
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        try
        {
            await adapter.ProcessAsync(request, response, bot, cancellationToken);
            if (authenticated && response.StatusCode == StatusCodes.Status401Unauthorized)
            {
                LogRefused(logger, StatusCodes.Status401Unauthorized, "token not accepted");
            }
        }
        catch (Exception e) when (authenticated && IsSigningMetadataUnavailable(e, cancellationToken) && !response.HasStarted)
        {
            // The token could not be checked at all: no signing keys young enough, and the OpenID metadata could not
            // be fetched. Not the caller's fault and not a failure of the bot: 503, which the Bot Connector retries.
            LogRefused(logger, StatusCodes.Status503ServiceUnavailable, "sign-in metadata unavailable: " + MetadataProblem(e));
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.Headers.RetryAfter = MessagesRateLimits.RetryAfterSeconds(SigningMetadataRetryAfter);
            return;
        }
        catch (Exception e) when (authenticated && IsTokenFailure(e) && !response.HasStarted)
        {
            // A forged or damaged token (alg none, HS256, an unknown or wrong key) fails inside the
            // Bot Framework's validation, before any turn. One line, without the token or a stack trace.
            LogRefused(logger, StatusCodes.Status401Unauthorized, "token not valid: " + e.GetType().Name);
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException && !response.HasStarted)
        {
            // Errors inside a turn end in OnTurnError; one thrown here happened before the turn began:
            // with authentication off, an activity too malformed to start a turn with (no serviceUrl, or not a URL).
            LogRefused(logger, StatusCodes.Status400BadRequest, "not a usable activity: " + e.GetType().Name);
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (context.Features.Get<CallerThrottled>() is { } throttled && !response.HasStarted)
        {
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.Headers.RetryAfter = MessagesRateLimits.RetryAfterSeconds(throttled.RetryAfter);
        }
    }

    private static readonly TimeSpan SigningMetadataRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The bot's <see cref="SignInMetadata"/> without keys to check with; or, for a metadata address it does not fetch itself,
    /// IdentityModel's "unable to obtain configuration" (IDX20803), or a network failure or time-out on the way to the
    /// metadata: what escapes the adapter before a turn begins is authentication's (a turn's errors end in OnTurnError).
    /// </summary>
    private static bool IsSigningMetadataUnavailable(Exception e, CancellationToken requestAborted) =>
        (e is InvalidOperationException && e.Message.StartsWith("IDX20803", StringComparison.Ordinal))
        || Chain(e).Any(inner => inner is SignInMetadataUnavailableException or HttpRequestException or IOException or TimeoutException
            || (inner is TaskCanceledException && !requestAborted.IsCancellationRequested));

    private static string MetadataProblem(Exception e) =>
        Chain(e).OfType<SignInMetadataUnavailableException>().FirstOrDefault()?.Reason ?? Innermost(e).GetType().Name;

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            yield return inner;
        }
    }

    private static Exception Innermost(Exception e) => Chain(e).Last();

    private static bool IsTokenFailure(Exception e) =>
        e is SecurityTokenException or ArgumentException or FormatException or JsonException or Newtonsoft.Json.JsonException;

    /// <summary>
    /// Status only: storage error codes, bodies and headers go to the log (the
    /// health check service logs each failing check), never to the caller.
    /// </summary>
    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new { status = report.Status == HealthStatus.Unhealthy ? "unhealthy" : "healthy" };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request to /api/messages with {StatusCode}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int statusCode, string reason);
}
