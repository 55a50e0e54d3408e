using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Messaging;
using HealthItPm.Bot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams;

/// <summary>
/// The Bot Framework adapter with the turn pipeline in order (ids in canonical form, tenant filter, the per-person
/// rate limit, conversation capture, then the reader's culture) and one place where unhandled errors end: logged once
/// with the activity id, and the person told in plain words what happened and what to do, never the exception's text.
/// </summary>
public sealed partial class HealthItPmAdapter : CloudAdapter
{
    public static string StorageUnavailableMessage => Wording.Common["Error_StorageUnavailable"];

    public static string UnexpectedErrorMessage => Wording.Common["Error_Unexpected"];

    private readonly ILogger<HealthItPmAdapter> _logger;

    public HealthItPmAdapter(
        BotFrameworkAuthentication authentication,
        TenantFilterMiddleware tenantFilter,
        CallerRateLimitMiddleware callerRateLimit,
        ConversationCaptureMiddleware conversationCapture,
        ILogger<HealthItPmAdapter> logger)
        : base(authentication, new RefusedTokenLogFilter(logger))
    {
        _logger = logger;
        Use(new TurnTelemetryMiddleware());
        Use(new SharedJsonContractsMiddleware());
        // Before anything reads a person's or a tenant's id: they are read in one form only.
        Use(new CanonicalIdsMiddleware());
        Use(tenantFilter);
        Use(callerRateLimit);
        Use(conversationCapture);
        Use(new ReaderCultureMiddleware());
        OnTurnError = HandleTurnErrorAsync;
    }

    private async Task HandleTurnErrorAsync(ITurnContext turnContext, Exception exception)
    {
        var activity = turnContext.Activity;
        // The exception's messages may quote what the person typed: they are classified and erased; its types and stack traces are kept.
        LogTurnFailed(
            _logger, activity.Id, activity.Type, ExceptionShape(exception), string.Join(" | ", Chain(exception).Select(e => e.Message)));

        // The failed turn's culture ended with it: the apology is worded for the reader again.
        var culture = ReaderCulture.Of(activity.Locale);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
        var message = StorageFailure.IsUnavailable(exception) ? StorageUnavailableMessage : UnexpectedErrorMessage;
        if (activity.Type == ActivityTypes.Invoke)
        {
            // Universal Actions show an error response's message on the card the person acted on.
            turnContext.TurnState[InvokeResponseKey] = new Activity(ActivityTypesEx.InvokeResponse)
            {
                Value = new InvokeResponse
                {
                    Status = StatusCodes.Status200OK,
                    Body = new AdaptiveCardInvokeResponse
                    {
                        StatusCode = StatusCodes.Status500InternalServerError,
                        Type = "application/vnd.microsoft.error",
                        Value = new JObject { ["code"] = "InternalError", ["message"] = message },
                    },
                },
            };
            return;
        }

        if (activity.Type != ActivityTypes.Message)
        {
            return;
        }

        try
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(message));
        }
        catch (Exception sendFailure) when (sendFailure is not OperationCanceledException)
        {
            LogApologyFailed(_logger, sendFailure, activity.Id);
        }
    }

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Turn failed for activity {ActivityId} of type {ActivityType}: {Exception} (messages: {ExceptionMessages})")]
    private static partial void LogTurnFailed(
        ILogger logger, string? activityId, string? activityType, string exception, [FreeText] string exceptionMessages);

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    /// <summary>Each exception in the chain by type and stack trace, without its message.</summary>
    private static string ExceptionShape(Exception exception) =>
        string.Join("\n ---> ", Chain(exception).Select(e => $"{e.GetType().FullName}\n{e.StackTrace}"));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the user that activity {ActivityId} failed")]
    private static partial void LogApologyFailed(ILogger logger, Exception exception, string? activityId);
}
