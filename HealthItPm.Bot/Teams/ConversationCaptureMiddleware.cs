using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace HealthItPm.Bot.Teams;

/// <summary>
/// Keeps a reference to every conversation the bot hears from (installs, roster changes, messages),
/// so that later features can message that person or channel proactively. Failing to keep one
/// never fails the turn: the next activity tries again.
/// </summary>
public sealed partial class ConversationCaptureMiddleware(
    ConversationReferenceTable references,
    ILogger<ConversationCaptureMiddleware> logger) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (activity.Type is ActivityTypes.Message or ActivityTypes.InstallationUpdate or ActivityTypes.ConversationUpdate)
        {
            try
            {
                await CaptureAsync(activity, cancellationToken);
            }
            catch (Exception e) when (StorageFailure.IsUnavailable(e))
            {
                LogNotCaptured(logger, e, activity.Id);
            }
        }

        await next(cancellationToken);
    }

    private Task CaptureAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (!TenantId.TryParse(ActivityTenant.Of(activity), out var tenant) || activity.Conversation?.Id is null)
        {
            return Task.CompletedTask;
        }

        var reference = activity.GetConversationReference();
        if (activity.Conversation.ConversationType == "personal")
        {
            if (!PersonId.TryParse(activity.From?.AadObjectId, out var person))
            {
                return Task.CompletedTask;
            }

            var key = ConversationReferenceTable.PersonKey(person);
            return activity.Type == ActivityTypes.InstallationUpdate && activity.Action == "remove"
                ? references.MarkUnreachableAsync(tenant, key, cancellationToken)
                : references.SaveAsync(
                    tenant,
                    key,
                    new StoredConversation(reference, true, default, activity.From!.Id, activity.LocalTimezone, activity.Locale),
                    cancellationToken);
        }

        var conversationId = ConversationReferenceTable.ChannelOf(activity.Conversation.Id);
        var conversation = activity.Conversation;
        reference.Conversation = new ConversationAccount(
            conversation.IsGroup,
            conversation.ConversationType,
            conversationId,
            conversation.Name,
            conversation.AadObjectId,
            conversation.Role,
            conversation.TenantId);
        return references.SaveAsync(
            tenant,
            ConversationReferenceTable.ConversationKey(conversationId),
            new StoredConversation(reference, true, default, null, null, null),
            cancellationToken);
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Could not keep the conversation reference of activity {ActivityId}; storage is unavailable")]
    private static partial void LogNotCaptured(ILogger logger, Exception exception, string? activityId);
}
