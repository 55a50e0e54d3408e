using HealthItPm.Bot.Cards.Risks;
using HealthItPm.Bot.Messaging.Delivery;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Ports;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Bot.Messaging;

/// <summary>A reported concern, to each PM of the project, as it stands when its turn comes.</summary>
public sealed class ConcernDeliveries(IRiskStore store) : DeliveryKind
{
    public override string Kind => DeliveryTopics.ConcernReport;

    public override async Task<Composition> ComposeAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var separator = work.Subject.IndexOf('|', StringComparison.Ordinal);
        var code = new ProjectCode(work.Subject[..separator]);
        var number = int.Parse(work.Subject[(separator + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        return await store.GetConcernAsync(work.TenantId, code, number, cancellationToken) is { Concern: var concern }
            ? Send(ConcernCard.Build(concern))
            : new Composition.NotNeeded();
    }
}
