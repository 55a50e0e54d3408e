using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams.CardActions;

/// <summary>How a feature registers a card's buttons.</summary>
public static class CardActionRegistration
{
    /// <summary>A verb handled by a method of <typeparamref name="THandlers"/>, which handles a card's several buttons.</summary>
    public static IServiceCollection AddCardAction<THandlers>(
        this IServiceCollection services,
        string verb,
        Func<THandlers, Func<ITurnContext, JObject, CancellationToken, Task<JObject>>> method)
        where THandlers : notnull
    {
        services.AddSingleton<ICardActionHandler>(sp => new DelegatingCardAction(verb, method(sp.GetRequiredService<THandlers>())));
        return services;
    }
}
