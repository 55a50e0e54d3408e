using HealthItPm.Bot.Messaging;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Ports;

namespace HealthItPm.Bot.Scheduling;

/// <summary>Opens due check-in rounds, then delivers, reminds and closes the open ones; one project's failure does not hold up the others.</summary>
public sealed class CheckInJob(CheckInService checkIns, ICheckInStore store, CheckInDispatcher dispatcher, ILogger<CheckInJob> logger) : IScheduledJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await ScheduledSteps.RunEachAsync(
            await checkIns.SchedulesAsync(cancellationToken),
            schedule => checkIns.FireIfDueAsync(schedule, cancellationToken),
            schedule => $"check-in schedule of {schedule.Project}",
            logger,
            cancellationToken);
        await ScheduledSteps.RunEachAsync(
            await store.OpenRoundsAsync(cancellationToken),
            open => dispatcher.ProcessRoundAsync(open.Tenant, open.Project, open.RoundId, cancellationToken),
            open => $"check-in round {open.Project} {open.RoundId}",
            logger,
            cancellationToken);
    }
}
