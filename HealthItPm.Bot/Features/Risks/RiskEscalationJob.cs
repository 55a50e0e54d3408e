using HealthItPm.Bot.Scheduling;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Features.Risks;

/// <summary>
/// Applies the escalation policy to every watched risk and hands its outbox
/// to the delivery pipeline; one risk's failure does not hold up the others.
/// </summary>
public sealed class RiskEscalationJob(RiskEscalation risks, RiskNotifier notifier, ILogger<RiskEscalationJob> logger) : IScheduledJob
{
    public async Task RunAsync(CancellationToken cancellationToken) =>
        await ScheduledSteps.RunEachAsync(
            await risks.WatchedAsync(cancellationToken),
            watched => notifier.ApplyPolicyAsync(watched.Tenant, watched.Id, cancellationToken),
            watched => $"risk {watched.Id}",
            logger,
            cancellationToken);
}
