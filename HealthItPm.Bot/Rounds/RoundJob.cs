using HealthItPm.Bot.Scheduling;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Bot.Rounds;

/// <summary>
/// Rounds a kind opens on its own schedule (the weekly check-in): opened at the start of each tick, one failing not holding
/// up the others.
/// </summary>
public interface IScheduledRounds
{
    Task OpenDueAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Opens the rounds due on a schedule, then hands every open round's cards, reminders and end-of-round cards, whatever
/// its kind, to the delivery pipeline as they fall due; one round's failure does not hold up the others. A round opened
/// by its schedule has its cards queued in the same tick.
/// </summary>
public sealed class RoundJob(IEnumerable<IScheduledRounds> schedules, IRoundStore store, RoundSteps rounds, ILogger<RoundJob> logger)
    : IScheduledJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var schedule in schedules)
        {
            await schedule.OpenDueAsync(cancellationToken);
        }

        await ScheduledSteps.RunEachAsync(
            await store.OpenRoundsAsync(cancellationToken),
            open => rounds.StepAsync(open, cancellationToken),
            open => $"{open.Kind} round {open.Project} {open.RoundId}",
            logger,
            cancellationToken);
    }
}
