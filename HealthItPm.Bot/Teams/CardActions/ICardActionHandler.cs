using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams.CardActions;

/// <summary>
/// Handles one card verb. The data handed to <see cref="HandleAsync"/> came from a card a
/// client could have tampered with: handlers re-check everything they read from it.
/// </summary>
public interface ICardActionHandler
{
    string Verb { get; }

    Task<JObject> HandleAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken);
}
