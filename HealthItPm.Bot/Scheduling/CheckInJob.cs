using HealthItPm.Bot.Messaging;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Ports;

namespace HealthItPm.Bot.Scheduling;

/// <summary>Opens due check-in rounds, then hands the open ones' cards, reminders and summaries to the delivery pipeline as they fall due; one project's failure does not hold up the others.</summary>
public sealed class CheckInJob(CheckInService checkIns, ICheckInStore store, CheckInRounds rounds, ILogger<CheckInJob> logger) : IScheduledJob
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
            open => rounds.StepAsync(open, cancellationToken),
            open => $"check-in round {open.Project} {open.RoundId}",
            logger,
            cancellationToken);
    }
}
