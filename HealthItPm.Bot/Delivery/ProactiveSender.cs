using System.Globalization;
using System.Runtime.ExceptionServices;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Rest;

namespace HealthItPm.Bot.Delivery;

/// <summary>
/// Makes one try at sending a message the person did not ask for in this turn, and says how Teams
/// answered. Retrying, waiting and giving up are the delivery pipeline's business, not this class's:
/// nothing here waits or holds a worker.
/// </summary>
public sealed partial class ProactiveSender(
    CloudAdapter adapter,
    ConversationReferenceTable references,
    IOptions<BotAuthenticationOptions> authentication,
    ILogger<ProactiveSender> logger) : IProactiveSender
{
    private string BotAppId => authentication.Value.MicrosoftAppId ?? string.Empty;

    // With authentication off (local development) the connector expects no token audience.
    private string? Audience => authentication.Value.AuthenticationDisabled ? null : AuthenticationConstants.ToChannelFromBotOAuthScope;

    /// <summary>
    /// Whether the bot has a way to the person: a 1:1 chat, or a team or group chat it can open one
    /// through. False for someone who removed the app or was never in a chat with it.
    /// </summary>
    public async Task<bool> CanReachAsync(TenantId tenant, PersonId person, CancellationToken cancellationToken) =>
        await references.GetAsync(tenant, ConversationReferenceTable.PersonKey(person), cancellationToken) is { } stored
            ? stored.Reachable
            : await TeamRouteAsync(tenant, person, cancellationToken) is not null;

    /// <summary>
    /// The culture a card for the person is worded in: the locale their Teams sent last in their chat with the bot; en-US without
    /// one.
    /// </summary>
    public async Task<CultureInfo> CultureOfAsync(TenantId tenant, PersonId person, CancellationToken cancellationToken) =>
        ReaderCulture.Of((await references.GetAsync(tenant, ConversationReferenceTable.PersonKey(person), cancellationToken))?.Locale);

    /// <summary>
    /// One try at the person's 1:1 chat with the bot. Someone who never wrote to the bot, but was added
    /// to a project from a team or group chat the bot is in, gets a 1:1 chat opened through it (kept,
    /// so a retry does not open it again), so clinicians need not install anything first.
    /// <paramref name="whenDue"/> is awaited right before the first call to Teams (the throttle's slot).
    /// </summary>
    public async Task<SendAnswer> SendToPersonAsync(
        TenantId tenant, PersonId person, IActivity activity, Func<CancellationToken, Task> whenDue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(whenDue);
        var key = ConversationReferenceTable.PersonKey(person);
        var stored = await references.GetAsync(tenant, key, cancellationToken);
        if (stored is null && await TeamRouteAsync(tenant, person, cancellationToken) is var (team, teamsUserId))
        {
            return await OpenPersonalChatAsync(tenant, team, person, teamsUserId, activity, whenDue, cancellationToken);
        }

        if (stored is not { Reachable: true })
        {
            return new SendAnswer.Unreachable(null);
        }

        var answer = await TryAsync(
            callback => adapter.ContinueConversationAsync(BotAppId, stored.Reference, callback, cancellationToken),
            activity,
            (_, token) => whenDue(token));
        if (answer is SendAnswer.Unreachable)
        {
            await references.MarkUnreachableAsync(tenant, key, cancellationToken);
        }

        return answer;
    }

    private async Task<(ConversationReference Team, string TeamsUserId)?> TeamRouteAsync(
        TenantId tenant, PersonId person, CancellationToken cancellationToken) =>
        await references.GetRouteAsync(tenant, person, cancellationToken) is { } route
        && await references.GetAsync(tenant, ConversationReferenceTable.ConversationKey(route.ConversationId), cancellationToken)
            is { Reachable: true } team
            ? (team.Reference, route.TeamsUserId)
            : null;

    /// <summary>
    /// Opens a 1:1 chat with a member of a team the bot is installed in (Teams creates it once, and
    /// returns the same chat if it exists) and sends the first message. The chat is kept as soon as
    /// Teams has created it, even if the send then fails, so the next try goes straight to it.
    /// </summary>
    private async Task<SendAnswer> OpenPersonalChatAsync(
        TenantId tenant,
        ConversationReference team,
        PersonId person,
        string teamsUserId,
        IActivity activity,
        Func<CancellationToken, Task> whenDue,
        CancellationToken cancellationToken)
    {
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = team.Bot,
            Members = [new ChannelAccount(teamsUserId)],
            TenantId = tenant.Value,
        };

        // Opening the chat is the first call to Teams: the slot is awaited before it.
        ConversationReference? created = null;
        await whenDue(cancellationToken);
        var answer = await TryAsync(
            callback => adapter.CreateConversationAsync(
                BotAppId, team.ChannelId, team.ServiceUrl, Audience, parameters, callback, cancellationToken),
            activity,
            (turn, _) =>
            {
                created = turn.Activity.GetConversationReference();
                return Task.CompletedTask;
            });

        if (created is not null)
        {
            var stored = new StoredConversation(created, true, default, teamsUserId, null, null);
            await references.SaveAsync(tenant, ConversationReferenceTable.PersonKey(person), stored, cancellationToken);
        }

        return answer;
    }

    private async Task<SendAnswer> TryAsync(
        Func<BotCallbackHandler, Task> runTurn, IActivity activity, Func<ITurnContext, CancellationToken, Task> beforeSend)
    {
        try
        {
            if (await SendInTurnAsync(runTurn, activity, beforeSend) is { } sent)
            {
                return sent;
            }

            LogTurnEndedWithoutSend(logger);
            return SendAnswer.FromStatus(null);
        }
        catch (ErrorResponseException e) when (e.Response is not null)
        {
            var status = (int)e.Response.StatusCode;
            LogSendFailed(logger, status);
            return SendAnswer.FromStatus(status, RetryAfter(e.Response));
        }
        catch (HttpRequestException e)
        {
            // The connector could not be reached at all: as transient as a 503.
            LogConnectorUnreachable(logger, e);
            return SendAnswer.FromStatus(null);
        }
    }

    /// <summary>
    /// Sends inside a proactive turn and rethrows here whatever the send threw: the adapter would
    /// otherwise hand it to OnTurnError (which would apologise in the person's chat), and the caller
    /// would never learn of it. A turn that ended without reaching the send (a middleware stopped it)
    /// is not a delivery: null. Sent, with the message's id in its conversation (so the card can be updated later).
    /// </summary>
    private static async Task<SendAnswer.Sent?> SendInTurnAsync(
        Func<BotCallbackHandler, Task> runTurn, IActivity activity, Func<ITurnContext, CancellationToken, Task> beforeSend)
    {
        Exception? failure = null;
        SendAnswer.Sent? sent = null;
        await runTurn(async (turn, token) =>
        {
            try
            {
                await beforeSend(turn, token);
                var response = await turn.SendActivityAsync(activity, token);
                sent = new SendAnswer.Sent(response?.Id, turn.Activity.Conversation?.Id);
            }
#pragma warning disable CA1031 // Every failure is rethrown outside the turn, below.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = e;
            }
        });

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return sent;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessageWrapper response)
    {
        if (response.Headers is null || !response.Headers.TryGetValue("Retry-After", out var values))
        {
            return null;
        }

        var value = values.FirstOrDefault();
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Proactive send answered {StatusCode}")]
    private static partial void LogSendFailed(ILogger logger, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Proactive turn ended without sending; the delivery is tried again")]
    private static partial void LogTurnEndedWithoutSend(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Proactive send could not reach the connector")]
    private static partial void LogConnectorUnreachable(ILogger logger, Exception exception);
}

