using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Hosting;

public static class EndpointRouteBuilderExtensions
{
    /// <summary><c>POST /api/messages</c> for the Bot Connector and <c>GET /healthz</c> for probes.</summary>
    public static IEndpointRouteBuilder MapHealthItPmEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", ProcessActivityAsync);

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
        HttpRequest request,
        HttpResponse response,
        CloudAdapter adapter,
        IBot bot,
        IOptions<BotAuthenticationOptions> authentication,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        try
        {
            await adapter.ProcessAsync(request, response, bot, cancellationToken);
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException && !response.HasStarted)
        {
            // Errors inside a turn end in OnTurnError; one thrown here happened before the turn began.
            // Authentication runs first, so with it on this is a token too malformed to read; with it
            // off, an activity too malformed to start a turn with (no serviceUrl, or not a URL).
            var status = authentication.Value.AuthenticationDisabled ? StatusCodes.Status400BadRequest : StatusCodes.Status401Unauthorized;
            loggers.CreateLogger("HealthItPm.Bot.Messages").LogWarning(e, "Rejected a request to /api/messages with {StatusCode}", status);
            response.StatusCode = status;
        }
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status == HealthStatus.Unhealthy ? "unhealthy" : "healthy",
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Description ?? e.Value.Status.ToString()),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
