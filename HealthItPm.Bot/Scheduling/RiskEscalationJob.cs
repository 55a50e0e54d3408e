using HealthItPm.Bot.Messaging;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Scheduling;

/// <summary>Applies the escalation policy to every watched risk and delivers its outbox.</summary>
public sealed class RiskEscalationJob(RiskService risks, RiskNotifier notifier) : IScheduledJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var (tenant, id) in await risks.WatchedAsync(cancellationToken))
        {
            await notifier.ApplyPolicyAsync(tenant, id, cancellationToken);
        }
    }
}
