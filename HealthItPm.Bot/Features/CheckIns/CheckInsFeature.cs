using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.CheckIns;

namespace HealthItPm.Bot.Features.CheckIns;

/// <summary>Stakeholder check-ins: a kind of round (its card's actions and delivery), its schedules and commands.</summary>
public sealed class CheckInsFeature : IFeature
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<CheckInService>();
        services.AddSingleton<ICheckInStore, CheckInScheduleTable>();
        services.AddRoundKind<CheckInRoundKind>();
        services.AddSingleton<IScheduledRounds, CheckInSchedules>();
        services.AddCommand<CheckInNowCommand>(CheckInNowCommand.Command);
        services.AddCommand<CheckInStatusCommand>(CheckInStatusCommand.Command);
        services.AddCommand<CheckInStopCommand>(CheckInStopCommand.Command);
        services.AddForm<CheckInScheduleForm>(CheckInScheduleForm.Command);
    }
}
