using HealthItPm.Bot.Delivery;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Digests;

namespace HealthItPm.Bot.Features.Digests;

/// <summary>
/// A leader's weekly digest (subject: the ISO week, recipient: the leader). Composed when its turn
/// comes, from the facts as they stand, and the week's project snapshots kept; a leader who has
/// unsubscribed since, or who no longer leads any project it covers, gets nothing.
/// </summary>
public sealed class DigestDeliveries(DigestService digests, DigestSubscriptions subscriptions) : DeliveryKind
{
    public override string Kind => DeliveryTopics.Digest;

    public override async Task<Composition> ComposeAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.RecipientId is not { } leader || await subscriptions.GetAsync(work.TenantId, leader, cancellationToken) is not { } stored)
        {
            return new Composition.NotNeeded();
        }

        var digest = await digests.ComposeAsync(stored.Subscription, keepSnapshots: true, cancellationToken);
        if (digest.Projects.Count == 0)
        {
            return new Composition.NotNeeded();
        }

        return Send(DigestCard.Build(new DigestCardModel(digest)));
    }
}

/// <summary>
/// Hands leaders' digests to the delivery pipeline: queued twice (two
/// hosts, a restart, <c>digest now</c> twice), each is sent once a week.
/// </summary>
public sealed class DigestSender(DeliveryQueues queue)
{
    public Task QueueAsync(TenantId tenant, IReadOnlyList<(PersonId Leader, IsoWeek Week)> digests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digests);
        return digests.Count == 0
            ? Task.CompletedTask
            : queue.EnqueueAsync(
                [.. digests.Select(d => DeliveryWork.To(tenant, DeliveryTopics.DigestOf(d.Week), d.Leader))], cancellationToken);
    }
}
