using System.Globalization;
using System.Runtime.ExceptionServices;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Rest;

namespace HealthItPm.Bot.Messaging;

/// <summary>
/// Sends a message the person did not ask for in this turn: a check-in, a reminder, an escalation.
/// Uses the conversation references kept by the conversation capture middleware, retries
/// only what Teams says is retryable, and records "unreachable" when Teams says so.
/// </summary>
public sealed partial class ProactiveSender(
    CloudAdapter adapter,
    ConversationReferenceTable references,
    IOptions<BotAuthenticationOptions> authentication,
    ConnectorRetryPolicy policy,
    TimeProvider clock,
    ILogger<ProactiveSender> logger)
{
    private string BotAppId => authentication.Value.MicrosoftAppId ?? string.Empty;

    // With authentication off (local development) the connector expects no token audience.
    private string? Audience => authentication.Value.AuthenticationDisabled ? null : AuthenticationConstants.ToChannelFromBotOAuthScope;

    /// <summary>
    /// Sends to the person's 1:1 chat with the bot. Someone who never wrote to the bot, but was added
    /// to a project from a team or group chat the bot is in, gets a 1:1 chat opened through it, so
    /// clinicians need not install anything first. Someone who removed the app is not written to.
    /// </summary>
    public async Task<SendResult> SendToPersonAsync(TenantId tenant, PersonId person, IActivity activity, CancellationToken cancellationToken)
    {
        var key = ConversationReferenceTable.PersonKey(person);
        var stored = await references.GetAsync(tenant, key, cancellationToken);
        if (stored is null
            && await references.GetRouteAsync(tenant, person, cancellationToken) is { } route
            && await references.GetAsync(tenant, ConversationReferenceTable.ConversationKey(route.ConversationId), cancellationToken) is { Reachable: true } team)
        {
            return await OpenPersonalChatAsync(tenant, team.Reference, person, route.TeamsUserId, activity, cancellationToken);
        }

        return await SendToStoredAsync(tenant, key, stored, activity, cancellationToken);
    }

    /// <summary>Sends to a team channel or group chat the bot is part of.</summary>
    public async Task<SendResult> SendToConversationAsync(TenantId tenant, string conversationId, IActivity activity, CancellationToken cancellationToken)
    {
        var key = ConversationReferenceTable.ConversationKey(conversationId);
        return await SendToStoredAsync(tenant, key, await references.GetAsync(tenant, key, cancellationToken), activity, cancellationToken);
    }

    /// <summary>
    /// Opens a 1:1 chat with a member of a team the bot is installed in (Teams creates it once, and
    /// returns the same chat if it exists), keeps its reference, and sends the first message.
    /// </summary>
    public async Task<SendResult> OpenPersonalChatAsync(
        TenantId tenant,
        ConversationReference team,
        PersonId person,
        string teamsUserId,
        IActivity activity,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = team.Bot,
            Members = [new ChannelAccount(teamsUserId)],
            TenantId = tenant.Value,
        };

        ConversationReference? created = null;
        var result = await WithRetriesAsync(
            callback => adapter.CreateConversationAsync(BotAppId, team.ChannelId, team.ServiceUrl, Audience, parameters, callback, cancellationToken),
            activity,
            turn => created = turn.Activity.GetConversationReference(),
            cancellationToken);

        if (created is not null)
        {
            var stored = new StoredConversation(created, true, default, teamsUserId, null, null);
            await references.SaveAsync(tenant, ConversationReferenceTable.PersonKey(person), stored, cancellationToken);
        }

        return result;
    }

    private async Task<SendResult> SendToStoredAsync(TenantId tenant, string rowKey, StoredConversation? stored, IActivity activity, CancellationToken cancellationToken)
    {
        if (stored is not { Reachable: true })
        {
            return SendResult.Unreachable();
        }

        var result = await WithRetriesAsync(
            callback => adapter.ContinueConversationAsync(BotAppId, stored.Reference, callback, cancellationToken),
            activity,
            onTurn: null,
            cancellationToken);

        if (result.Outcome == SendOutcome.Unreachable)
        {
            await references.MarkUnreachableAsync(tenant, rowKey, cancellationToken);
        }

        return result;
    }

    private async Task<SendResult> WithRetriesAsync(
        Func<BotCallbackHandler, Task> runTurn,
        IActivity activity,
        Action<ITurnContext>? onTurn,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            int status;
            TimeSpan? retryAfter = null;
            try
            {
                return SendResult.Sent(await SendInTurnAsync(runTurn, activity, onTurn));
            }
            catch (ErrorResponseException e) when (e.Response is not null)
            {
                status = (int)e.Response.StatusCode;
                retryAfter = RetryAfter(e.Response);
            }
            catch (HttpRequestException)
            {
                // The connector could not be reached at all: as transient as a 503.
                status = StatusCodes.Status503ServiceUnavailable;
            }

            LogSendFailed(logger, status, attempt);
            if (ConnectorRetryPolicy.MeansUnreachable(status))
            {
                return SendResult.Unreachable(status);
            }

            if (!ConnectorRetryPolicy.IsRetryable(status))
            {
                return new SendResult(SendOutcome.Failed, StatusCode: status);
            }

            var throttled = status == StatusCodes.Status429TooManyRequests;
            if (attempt >= policy.MaxAttempts || (retryAfter is { } wait && wait > policy.MaxWait))
            {
                return new SendResult(throttled ? SendOutcome.Throttled : SendOutcome.Failed, RetryAfter: retryAfter, StatusCode: status);
            }

            await Task.Delay(retryAfter ?? policy.Backoff(attempt, Random.Shared.NextDouble()), clock, cancellationToken);
        }
    }

    /// <summary>
    /// Sends inside a proactive turn and rethrows the connector's answer here: the adapter would
    /// otherwise hand a failure inside the turn to OnTurnError, and the caller would never learn of it.
    /// </summary>
    private static async Task<string?> SendInTurnAsync(Func<BotCallbackHandler, Task> runTurn, IActivity activity, Action<ITurnContext>? onTurn)
    {
        string? sentId = null;
        Exception? failure = null;
        await runTurn(async (turn, token) =>
        {
            try
            {
                onTurn?.Invoke(turn);
                sentId = (await turn.SendActivityAsync(activity, token))?.Id;
            }
            catch (Exception e) when (e is ErrorResponseException or HttpRequestException)
            {
                failure = e;
            }
        });

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return sentId;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Proactive send failed with status {StatusCode} on attempt {Attempt}")]
    private static partial void LogSendFailed(ILogger logger, int statusCode, int attempt);
}
