using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Scheduling;
using HealthItPm.Domain.CheckIns;

namespace HealthItPm.Bot.Features.CheckIns;

/// <summary>
/// Opens each project's due weekly check-in (once, however many hosts tick); one project's failure does not hold up the
/// others.
/// </summary>
public sealed class CheckInSchedules(CheckInService checkIns, ILogger<CheckInSchedules> logger) : IScheduledRounds
{
    public async Task OpenDueAsync(CancellationToken cancellationToken) =>
        await ScheduledSteps.RunEachAsync(
            await checkIns.SchedulesAsync(cancellationToken),
            schedule => checkIns.FireIfDueAsync(schedule, cancellationToken),
            schedule => $"check-in schedule of {schedule.Project}",
            logger,
            cancellationToken);
}
