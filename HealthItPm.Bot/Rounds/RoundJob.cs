using HealthItPm.Bot.Scheduling;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Bot.Rounds;

/// <summary>Opens due check-in rounds, then hands every open round's (check-in or wave) cards, reminders and end-of-round cards to the delivery pipeline as they fall due; one project's failure does not hold up the others.</summary>
public sealed class RoundJob(CheckInService checkIns, IRoundStore store, RoundSteps rounds, ILogger<RoundJob> logger) : IScheduledJob
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
            open => $"{open.Kind} round {open.Project} {open.RoundId}",
            logger,
            cancellationToken);
    }
}
