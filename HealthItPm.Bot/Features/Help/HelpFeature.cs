using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Teams.Commands;

namespace HealthItPm.Bot.Features.Help;

/// <summary>Help: the one command that lists what each person may do, from every feature's commands and topics.</summary>
public sealed class HelpFeature : IFeature
{
    public void Register(IServiceCollection services) => services.AddCommand<HelpCommand>(HelpCommand.Command);
}
