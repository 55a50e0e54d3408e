using HealthItPm.Bot.Cards;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams.CardActions;

/// <summary>
/// The card entry point of the dialog layer: one handler per
/// verb, the answer is the card that replaces the one acted on.
/// </summary>
public sealed class CardActionRouter(IEnumerable<ICardActionHandler> handlers)
{
    private readonly Dictionary<string, ICardActionHandler> _handlers = handlers.ToDictionary(h => h.Verb, StringComparer.Ordinal);

    public Task<JObject> RouteAsync(ITurnContext turn, string? verb, JObject data, CancellationToken cancellationToken)
    {
        // Only a verb the bot knows names the turn: the card's data is not trusted, and a metric's tags are few.
        var known = verb is not null && _handlers.TryGetValue(verb, out var handler) ? handler : null;
        TurnTelemetry.Names(turn, known?.Verb ?? "unknown");
        return known is not null
            ? known.HandleAsync(turn, data, cancellationToken)
            : Task.FromResult(NoticeCard.Build(NoticeCardModel.UnknownAction));
    }
}
