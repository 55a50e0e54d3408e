using HealthItPm.Bot.Scheduling;
using HealthItPm.Domain.Digests;

namespace HealthItPm.Bot.Features.Digests;

/// <summary>
/// Each tick, hands every digest whose local day and hour have come to the delivery pipeline, then
/// marks the week on the subscription (ETag). Hosts racing, or a restart between the two steps,
/// queue it again at worst: the pipeline's record per leader and week sends it once.
/// </summary>
public sealed class DigestJob(IDigestStore store, DigestSender sender, TimeProvider clock, ILogger<DigestJob> logger) : IScheduledJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await ScheduledSteps.RunEachAsync(
            (await store.ListAllAsync(cancellationToken)).Where(s => s.Subscription.DueWeek(now) is not null),
            async stored =>
            {
                var week = stored.Subscription.DueWeek(now)!.Value;
                await sender.QueueAsync(stored.Subscription.Tenant, [(stored.Subscription.Leader, week)], cancellationToken);
                await store.MarkQueuedAsync(stored, week, cancellationToken);
            },
            stored => $"the digest of {stored.Subscription.Leader}",
            logger,
            cancellationToken);
    }
}
