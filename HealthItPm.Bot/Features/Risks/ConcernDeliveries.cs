using HealthItPm.Bot.Delivery;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Features.Risks;

/// <summary>A card about a concern (its subject is "project|number"), built from the concern as it stands when its turn comes.</summary>
public abstract class ConcernDeliveryKind(IRiskStore store) : DeliveryKind
{
    public override async Task<Composition> ComposeAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var separator = work.Subject.IndexOf('|', StringComparison.Ordinal);
        var code = new ProjectCode(work.Subject[..separator]);
        var number = int.Parse(work.Subject[(separator + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        return await store.GetConcernAsync(work.TenantId, code, number, cancellationToken) is { Concern: var concern }
            ? Compose(concern)
            : new Composition.NotNeeded();
    }

    protected abstract Composition Compose(Concern concern);

    // The concern's words and reason: kept, so removing patient details from them updates the card in place.
    public override CardSubject? Shows(DeliveryWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var separator = work.Subject.IndexOf('|', StringComparison.Ordinal);
        return CardSubject.Concern(
            new ProjectCode(work.Subject[..separator]),
            int.Parse(work.Subject[(separator + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>A reported concern, to each PM of the project.</summary>
public sealed class ConcernDeliveries(IRiskStore store) : ConcernDeliveryKind(store)
{
    public override string Kind => DeliveryTopics.ConcernReport;

    protected override Composition Compose(Concern concern) => Send(ConcernCard.Build(concern));
}

/// <summary>How a concern was triaged, to the person who raised it: the risk it became, or why it was dismissed.</summary>
public sealed class ConcernOutcomeDeliveries(IRiskStore store) : ConcernDeliveryKind(store)
{
    public override string Kind => DeliveryTopics.ConcernOutcome;

    protected override Composition Compose(Concern concern) =>
        concern.State == ConcernState.Reported ? new Composition.NotNeeded() : Send(ConcernCard.ForReporter(concern));
}

/// <summary>Queues the reporter's answer once a concern is triaged (queued twice, it is sent once: the topic keys its record).</summary>
public sealed class ConcernOutcomeNotifier(IRiskStore store, DeliveryQueues queue)
{
    public async Task TellReporterAsync(TenantId tenant, ProjectCode project, int number, CancellationToken cancellationToken)
    {
        if (await store.GetConcernAsync(tenant, project, number, cancellationToken)
            is { Concern: { State: not ConcernState.Reported } concern })
        {
            await queue.EnqueueAsync(
                [DeliveryWork.To(tenant, DeliveryTopics.OutcomeOf(project, number), concern.ReportedBy)], cancellationToken);
        }
    }
}
