using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams.CardActions;

/// <summary>A verb handled by one method of a class that handles several related verbs (a card's buttons).</summary>
public sealed class DelegatingCardAction(string verb, Func<ITurnContext, JObject, CancellationToken, Task<JObject>> handle)
    : ICardActionHandler
{
    public string Verb => verb;

    public Task<JObject> HandleAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken) =>
        handle(turn, data, cancellationToken);
}
