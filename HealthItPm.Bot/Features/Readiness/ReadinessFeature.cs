using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Readiness;

namespace HealthItPm.Bot.Features.Readiness;

/// <summary>ADKAR readiness surveys: a kind of round (its card's actions and delivery) and its commands.</summary>
public sealed class ReadinessFeature : IFeature
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<AdkarService>();
        services.AddRoundKind<AdkarRoundKind>();
        services.AddForm<AdkarStartForm>(AdkarStartForm.Command);
        services.AddCommand<AdkarWavesCommand>(AdkarWavesCommand.Command);
        services.AddCommand<AdkarResultsCommand>(AdkarResultsCommand.Command);
    }
}
