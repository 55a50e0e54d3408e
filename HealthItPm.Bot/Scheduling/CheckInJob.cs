using HealthItPm.Bot.Messaging;
using HealthItPm.Domain.CheckIns;

namespace HealthItPm.Bot.Scheduling;

/// <summary>Opens due check-in rounds, then delivers, reminds and closes the open ones.</summary>
public sealed class CheckInJob(CheckInService checkIns, CheckInDispatcher dispatcher) : IScheduledJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await checkIns.FireDueAsync(cancellationToken);
        await dispatcher.RunAsync(cancellationToken);
    }
}
