using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace HealthItPm.Bot.Teams;

/// <summary>
/// The first thing every turn meets: activities from a tenant that is not allowed end here, before
/// any storage read or write. An invoke gets a 403 so the client does not wait for a reply.
/// </summary>
public sealed partial class TenantFilterMiddleware(TenantPolicy policy, ILogger<TenantFilterMiddleware> logger)
    : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (policy.Admits(ActivityTenant.FromConversation(activity), ActivityTenant.FromChannelData(activity)))
        {
            await next(cancellationToken);
            return;
        }

        LogRefused(logger, activity.Id, activity.Type);
        if (activity.Type == ActivityTypes.Invoke)
        {
            turnContext.TurnState.Add(BotAdapter.InvokeResponseKey, new Activity(ActivityTypesEx.InvokeResponse)
            {
                Value = new InvokeResponse { Status = StatusCodes.Status403Forbidden },
            });
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused activity {ActivityId} of type {ActivityType}: its tenant is not allowed")]
    private static partial void LogRefused(ILogger logger, string? activityId, string? activityType);
}
