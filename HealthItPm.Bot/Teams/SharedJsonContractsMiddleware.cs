using HealthItPm.Bot.Cards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Rest.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace HealthItPm.Bot.Teams;

/// <summary>
/// Every turn's connector client comes with JSON settings of its own, each with a new contract resolver,
/// so every turn would work out anew how to write an activity and its card, compiling a getter for every
/// property it writes; on a host delivering a fan-out, compiling them and collecting what they leave behind
/// would cost more CPU than the sends themselves. All the clients share one resolver,
/// whose cache of contracts is safe to share between threads.
/// </summary>
public sealed class SharedJsonContractsMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    /// <summary>
    /// The resolver every connector client of this process writes
    /// and reads with: the one the client makes for itself, once.
    /// </summary>
    public static IContractResolver Contracts { get; } = new ReadOnlyJsonContractResolver();

    /// <summary>Works out the contracts of an activity with a card once, before the host's first send.</summary>
    public static void Prepare(JObject card) =>
        JsonConvert.SerializeObject(
            AdaptiveCard.ToActivity(card),
            new JsonSerializerSettings { ContractResolver = Contracts, NullValueHandling = NullValueHandling.Ignore });

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        if (turnContext.TurnState.Get<IConnectorClient>() is ConnectorClient client)
        {
            client.SerializationSettings.ContractResolver = Contracts;
            client.DeserializationSettings.ContractResolver = Contracts;
        }

        return next(cancellationToken);
    }
}
