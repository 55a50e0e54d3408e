using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Delivery;

/// <summary>The delivery pipeline's record of each recipient's card, as reports read it.</summary>
public interface IDeliveryLedger
{
    /// <summary>Every recipient's delivery under the topic (those not yet tried have none).</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListAsync(TenantId tenant, DeliveryTopic topic, CancellationToken cancellationToken);

    /// <summary>One recipient's delivery under the topic, if it was tried.</summary>
    Task<DeliveryRecord?> GetAsync(TenantId tenant, DeliveryTopic topic, PersonId recipient, CancellationToken cancellationToken);
}
