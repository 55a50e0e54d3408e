using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Teams.Commands;

namespace HealthItPm.Bot.Features.Health;

/// <summary>The admins' view of the delivery pipeline's health.</summary>
public sealed class HealthFeature : IFeature
{
    public void Register(IServiceCollection services) => services.AddForm<HealthCommand>(HealthCommand.Command);
}
