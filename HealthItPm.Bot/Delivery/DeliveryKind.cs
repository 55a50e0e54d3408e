using HealthItPm.Bot.Cards;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using Microsoft.Bot.Schema;

namespace HealthItPm.Bot.Delivery;

/// <summary>What a kind makes of a delivery when its turn comes.</summary>
public abstract record Composition
{
    /// <summary>Send this card.</summary>
    public sealed record Card(IActivity Activity) : Composition;

    /// <summary>No longer needed (the person answered, the round closed): settled without a send.</summary>
    public sealed record NotNeeded : Composition;

    /// <summary>Not yet: what it depends on is still on its way (a reminder whose card is not delivered yet).</summary>
    public sealed record Later(TimeSpan Wait) : Composition;
}

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
    public virtual Task<IReadOnlyList<PersonId>> AudienceAsync(
        DeliveryWork fanOut, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PersonId>>([]);

    /// <summary>The card for the work's recipient, built when its turn comes (so it shows things as they stand then).</summary>
    public abstract Task<Composition> ComposeAsync(DeliveryWork work, CancellationToken cancellationToken);

    protected static Composition Send(Newtonsoft.Json.Linq.JObject card) => new Composition.Card(AdaptiveCard.ToActivity(card));

    /// <summary>
    /// What the work's card shows that a PM may later change under it (patient details removed from a risk or a round's
    /// answers): when not null, the message the card became is kept, so it can be updated in place.
    /// </summary>
    public virtual CardSubject? Shows(DeliveryWork work) => null;

    /// <summary>
    /// What a card already sent (one that <see cref="Shows"/> a subject) shows now, to update it in place after the subject
    /// changed; by default the card composed again. Not needed: the card is left as it is.
    /// </summary>
    public virtual Task<Composition> ComposeAgainAsync(DeliveryWork work, CancellationToken cancellationToken) =>
        ComposeAsync(work, cancellationToken);

    /// <summary>Whether <see cref="SettledAsync"/> must hear how each delivery settled.</summary>
    public virtual bool ReportsSettlement => false;

    /// <summary>Told once (at least once, if a host dies right here) how a delivery settled.</summary>
    public virtual Task SettledAsync(DeliveryWork work, DeliveryRecord record, CancellationToken cancellationToken) => Task.CompletedTask;
}
