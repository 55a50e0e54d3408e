using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using Microsoft.Bot.Schema;

namespace HealthItPm.Bot.Messaging.Delivery;

/// <summary>
/// A kind of proactive card the pipeline delivers (a check-in card, a reminder, a risk notice, …):
/// who gets it when it is fanned out, what it looks like when its turn comes, and who must hear how
/// it went. The pipeline does the rest — queueing, leases, throttling, retries, records — the same
/// for every kind.
/// </summary>
public abstract class DeliveryKind
{
    public abstract string Kind { get; }

    /// <summary>The fan-out's recipients from <paramref name="offset"/>, at most <paramref name="count"/>; fewer means the end.</summary>
    public virtual Task<IReadOnlyList<PersonId>> AudienceAsync(DeliveryWork fanOut, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PersonId>>([]);

    /// <summary>The card for the work's recipient, built when its turn comes; null when it is no longer needed.</summary>
    public abstract Task<IActivity?> ComposeAsync(DeliveryWork work, CancellationToken cancellationToken);

    /// <summary>Whether <see cref="SettledAsync"/> must hear how each delivery settled.</summary>
    public virtual bool ReportsSettlement => false;

    /// <summary>Told once (at least once, if a host dies right here) how a delivery settled.</summary>
    public virtual Task SettledAsync(DeliveryWork work, DeliveryRecord record, CancellationToken cancellationToken) => Task.CompletedTask;
}
