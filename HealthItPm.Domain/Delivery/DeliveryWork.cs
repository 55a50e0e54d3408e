using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Delivery;

/// <summary>
/// One item of work on the delivery queue: a card of <paramref name="Kind"/> about
/// <paramref name="Subject"/> for one <paramref name="Recipient"/>, or, with no recipient, the
/// fan-out that turns a whole audience into such items, <paramref name="Offset"/> people at a time.
/// <paramref name="Detail"/> carries what the card needs that storage does not hold (a notice's reason).
/// <paramref name="Handled"/> counts the receives that ended normally (a wait, a retry, a fan-out step), so
/// the receives beyond it are the ones a host died or failed on: those, not waits, make work poison.
/// </summary>
public sealed record DeliveryWork(
    string Kind,
    string Tenant,
    string Subject,
    string? Recipient = null,
    int Offset = 0,
    string? Detail = null,
    int Handled = 0)
{
    /// <summary>How many receives of this work did not end normally, given how often the queue has handed it out.</summary>
    public long FailedReceives(long dequeueCount) => dequeueCount - Handled;

    public DeliveryTopic Topic => new(Kind, Subject);

    public TenantId TenantId => new(Tenant);

    public PersonId? RecipientId => Recipient is null ? null : new PersonId(Recipient);

    public bool IsFanOut => Recipient is null;

    public static DeliveryWork To(TenantId tenant, DeliveryTopic topic, PersonId recipient, string? detail = null) =>
        new(topic.Kind, tenant.Value, topic.Subject, recipient.Value, 0, detail);

    public static DeliveryWork FanOut(TenantId tenant, DeliveryTopic topic, string? detail = null) =>
        new(topic.Kind, tenant.Value, topic.Subject, null, 0, detail);
}
