using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Delivery;

/// <summary>
/// What a proactive card is about, as the delivery pipeline keys it: the kind of card (a check-in
/// card, a reminder, a risk notice, …) and the thing it is about (a round, a risk's notice). With
/// the recipient it names one delivery, which is sent at most once.
/// </summary>
public readonly record struct DeliveryTopic(string Kind, string Subject)
{
    public override string ToString() => $"{Kind} {Subject}";
}

public enum DeliveryState
{
    /// <summary>Not sent yet: waiting for its turn, claimed by a host, or waiting to be retried.</summary>
    Pending,

    /// <summary>Teams took the card.</summary>
    Sent,

    /// <summary>Teams cannot reach the person until they install the app again (403, 404, or no chat known).</summary>
    Unreachable,

    /// <summary>Given up: Teams refused it, or kept failing until the tries ran out. Kept for the PM to see.</summary>
    NotDelivered,

    /// <summary>No longer needed when its turn came (a reminder to someone who has answered since).</summary>
    NotNeeded,
}

/// <summary>
/// One recipient's delivery of one card: the marker that makes a card enqueued twice, or seen again
/// after a host died, go out once, and the source of the delivery report.
/// </summary>
public sealed record DeliveryRecord(
    DeliveryTopic Topic,
    PersonId Recipient,
    DeliveryState State,
    int Attempts,
    DateTimeOffset? ClaimedUntil,
    DateTimeOffset? NextAttemptAt,
    int? LastStatus,
    DeliveryFailure? Failure,
    DateTimeOffset UpdatedAt)
{
    public bool IsSettled => State != DeliveryState.Pending;

    /// <summary>
    /// When a host that holds this delivery's work may act on it: now, or after another host's claim
    /// runs out, or after the wait a failed try set. Null once settled: there is nothing left to do.
    /// </summary>
    public DateTimeOffset? ActionableAt(DateTimeOffset now)
    {
        if (IsSettled)
        {
            return null;
        }

        var at = now;
        if (ClaimedUntil > at)
        {
            at = ClaimedUntil.Value;
        }

        if (NextAttemptAt > at)
        {
            at = NextAttemptAt.Value;
        }

        return at;
    }
}
