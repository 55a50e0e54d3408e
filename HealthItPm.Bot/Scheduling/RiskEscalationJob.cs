using HealthItPm.Bot.Messaging;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Scheduling;

/// <summary>Applies the escalation policy to every watched risk and tells whoever it says must be told.</summary>
public sealed class RiskEscalationJob(RiskService risks, RiskNotifier notifier) : IScheduledJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var (tenant, notice) in await risks.WatchAsync(cancellationToken))
        {
            await notifier.NotifyAsync(tenant, notice, cancellationToken);
        }
    }
}
