using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Teams;

namespace HealthItPm.Bot.Hosting;

/// <summary>
/// Sets up the JSON of cards and activities before the host takes its first turn or its first delivery
/// (it starts before the delivery worker joins the hosts sharing the rate), so that a host that has just
/// started does not do it for its first cards all at once, and send them late.
/// </summary>
public sealed class JsonWarmUp : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        SharedJsonContractsMiddleware.Prepare(AdaptiveCard.Prepare());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
