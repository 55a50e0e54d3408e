using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Scheduling;
using HealthItPm.Bot.Teams.CardActions;
using HealthItPm.Domain.Rounds;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthItPm.Bot.Rounds;

/// <summary>How a kind of round joins the bot: one call with its descriptor, in its feature's registration.</summary>
public static class RoundKindRegistration
{
    /// <summary>
    /// The kind: its descriptor (which the catalog checks at start-up), its help topic, its card's Submit and "Change answer"
    /// through the one answer flow, and its card, reminder and end-of-round steps in the delivery pipeline; with the round
    /// machinery every kind shares, registered once.
    /// </summary>
    public static IServiceCollection AddRoundKind<TDescriptor>(this IServiceCollection services)
        where TDescriptor : RoundKindDescriptor, new()
    {
        var kind = new TDescriptor();
        services.TryAddSingleton<RoundEngine>();
        services.TryAddSingleton<RoundSteps>();
        services.TryAddSingleton<RoundAnswers>();
        services.TryAddSingleton<RoundKindCatalog>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RoundKindCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IScheduledJob, RoundJob>());

        services.AddSingleton<RoundKindDescriptor>(kind);
        services.AddSingleton(kind.HelpTopic);
        services.AddSingleton<ICardActionHandler>(sp => new DelegatingCardAction(
            kind.SubmitVerb, (turn, data, ct) => kind.SubmitAsync(sp.GetRequiredService<RoundAnswers>(), turn, data, ct)));
        services.AddSingleton<ICardActionHandler>(sp => new DelegatingCardAction(
            kind.ChangeVerb, (turn, data, ct) => kind.ChangeAsync(sp.GetRequiredService<RoundAnswers>(), turn, data, ct)));
        services.AddSingleton<DeliveryKind>(sp => ActivatorUtilities.CreateInstance<RoundCardDeliveries>(sp, kind));
        services.AddSingleton<DeliveryKind>(sp => ActivatorUtilities.CreateInstance<RoundReminderDeliveries>(sp, kind));
        services.AddSingleton<DeliveryKind>(sp => ActivatorUtilities.CreateInstance<RoundEndDeliveries>(sp, kind));
        return services;
    }
}
