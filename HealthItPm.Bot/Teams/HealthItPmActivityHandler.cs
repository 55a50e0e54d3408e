using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Teams.CardActions;
using HealthItPm.Bot.Teams.Commands;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams;

/// <summary>
/// Translates Teams activities into the dialog layer: text to <see cref="CommandRouter"/>, card actions
/// to <see cref="CardActionRouter"/>, other invokes a feature answers (typeahead searches) to their
/// <see cref="IInvokeAnswer"/>, and the bot joining a team or group chat to <see cref="IRoster"/>; any
/// other invoke to <see cref="UnsupportedInvokes"/>. It holds no logic of its own.
/// </summary>
public sealed class HealthItPmActivityHandler(
    CommandRouter commands,
    CardActionRouter cardActions,
    IEnumerable<IInvokeAnswer> invokes,
    IRoster roster,
    UnsupportedInvokes unsupported)
    : TeamsActivityHandler
{
    public override Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        TurnTelemetry.Reached(turnContext);
        return base.OnTurnAsync(turnContext, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;

        // Action.Submit, the fallback of Action.Execute on older clients, arrives as a message with a value and no text.
        var card = string.IsNullOrWhiteSpace(activity.Text) && activity.Value is JObject submitted
            ? await cardActions.RouteAsync(
                turnContext,
                submitted["verb"] is JValue { Type: JTokenType.String } verb ? (string?)verb : null,
                submitted,
                cancellationToken)
            : await commands.RouteAsync(turnContext, activity.RemoveRecipientMention(), cancellationToken);

        await turnContext.SendActivityAsync(AdaptiveCard.ToActivity(card), cancellationToken);
    }

    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext<IInvokeActivity> turnContext,
        AdaptiveCardInvokeValue invokeValue,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invokeValue);
        var data = invokeValue.Action?.Data as JObject ?? [];
        var card = await cardActions.RouteAsync(turnContext, invokeValue.Action?.Verb, data, cancellationToken);
        return new AdaptiveCardInvokeResponse
        {
            StatusCode = StatusCodes.Status200OK,
            Type = AdaptiveCard.ContentType,
            Value = card,
        };
    }

    private readonly Dictionary<string, IInvokeAnswer> _invokes = invokes.ToDictionary(i => i.InvokeName, StringComparer.Ordinal);

    protected override async Task<InvokeResponse> OnInvokeActivityAsync(
        ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var name = turnContext.Activity.Name;
        if (name == UnsupportedInvokes.CardAction)
        {
            return await base.OnInvokeActivityAsync(turnContext, cancellationToken);
        }

        return name is not null && _invokes.TryGetValue(name, out var answer)
            ? await answer.AnswerAsync(turnContext, cancellationToken)
            : unsupported.Answer(turnContext.Activity);
    }

    protected override async Task OnInstallationUpdateAddAsync(
        ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var inChannel = turnContext.Activity.Conversation?.ConversationType is not "personal";
        if (inChannel)
        {
            await roster.MeetAsync(turnContext, cancellationToken);
        }

        await turnContext.SendActivityAsync(AdaptiveCard.ToActivity(WelcomeCard.Build(new WelcomeCardModel(inChannel))), cancellationToken);
    }
}
