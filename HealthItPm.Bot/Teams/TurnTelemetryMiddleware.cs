using System.Diagnostics;
using HealthItPm.Bot.Telemetry;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace HealthItPm.Bot.Teams;

/// <summary>
/// What a turn is for telemetry: its activity type, and the command or card verb the routers matched (never the
/// text, never who). Kept in the turn's state for the routers to fill in.
/// </summary>
public sealed class TurnTelemetry
{
    public string? Command { get; set; }

    /// <summary>The handler was reached: the tenant filter and the rate limit let the turn through.</summary>
    public bool Handled { get; set; }

    /// <summary>The command the turn runs, as the routers name it (a known command's name, or a known verb).</summary>
    public static void Names(ITurnContext turn, string command)
    {
        if (turn?.TurnState.Get<TurnTelemetry>() is { } telemetry)
        {
            telemetry.Command = command;
        }
    }

    public static void Reached(ITurnContext turn)
    {
        if (turn?.TurnState.Get<TurnTelemetry>() is { } telemetry)
        {
            telemetry.Handled = true;
        }
    }
}

/// <summary>
/// First in the turn pipeline: one span per turn (<c>turn {type}</c>), and the turns counter and duration by kind and
/// outcome — ok, error (an exception left the turn), or dropped (the pipeline stopped it before the handler).
/// </summary>
public sealed class TurnTelemetryMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    private static readonly HashSet<string> KnownTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message,
        ActivityTypes.Invoke,
        ActivityTypes.ConversationUpdate,
        ActivityTypes.InstallationUpdate,
        ActivityTypes.MessageReaction,
        ActivityTypes.Event,
        ActivityTypes.Typing,
        ActivityTypes.EndOfConversation,
        ActivityTypes.MessageUpdate,
        ActivityTypes.MessageDelete,
    };

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var kind = turnContext.Activity?.Type is { } type && KnownTypes.Contains(type) ? type : "other";
        var telemetry = new TurnTelemetry();
        turnContext.TurnState.Set(telemetry);
        using var span = BotTelemetry.Source.StartActivity("turn " + kind);
        span?.SetTag("healthitpm.activity.type", kind);
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            await next(cancellationToken);
            outcome = telemetry.Handled ? "ok" : "dropped";
        }
        finally
        {
            if (telemetry.Command is { } command)
            {
                span?.SetTag("healthitpm.command", command);
            }

            span?.SetTag("healthitpm.outcome", outcome);
            if (outcome == "error")
            {
                span?.SetStatus(ActivityStatusCode.Error);
            }

            var tags = new TagList { { "kind", kind }, { "outcome", outcome } };
            BotTelemetry.Turns.Add(1, tags);
            BotTelemetry.TurnDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }
}
