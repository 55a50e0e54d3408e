using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Domain.Risks;

/// <summary>
/// A risk's notices on their way out: read for the delivery pipeline, handed over to it, and settled
/// as the pipeline reports back. Every write here is bookkeeping that a concurrent change must not undo.
/// </summary>
public sealed class RiskOutbox(IRiskStore store, IProjectRepository projects, RiskWriter writer)
{
    /// <summary>The risk's notices waiting to be handed to the delivery pipeline, with its project; null when there are none.</summary>
    public async Task<(Project Project, Risk Risk)?> PendingAsync(TenantId tenant, RiskId id, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(tenant, id, cancellationToken);
        return stored is { Risk.Outbox.Count: > 0 }
            && (await projects.GetAsync(tenant, id.Project, cancellationToken))?.Project is { } project
            ? (project, stored.Risk)
            : null;
    }

    /// <summary>The pipeline has these notices: they leave the outbox (re-read and retried when the risk changed meanwhile).</summary>
    public Task HandedOverAsync(TenantId tenant, RiskId id, IReadOnlyCollection<int> sequences, CancellationToken cancellationToken) =>
        writer.SaveWithRetriesAsync(tenant, id, risk => risk.HandedOver(sequences), cancellationToken);

    /// <summary>
    /// Records how the pipeline settled a notice. An escalation that cannot reach its leader at all (no
    /// chat with the bot) tells the PMs at once, so they can reach the leader another way or change the
    /// chain, instead of learning of it when the SLA has run out.
    /// </summary>
    public Task RecordDeliveryAsync(
        TenantId tenant,
        RiskNotice notice,
        DeliveryState state,
        int attempts,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return writer.SaveWithRetriesAsync(tenant, notice.Risk, async risk =>
        {
            risk.RecordDelivery(notice, state, attempts, writer.Now);
            if (state == DeliveryState.Unreachable && notice.Kind == RiskNoticeKind.Escalation
                && (await projects.GetAsync(tenant, notice.Risk.Project, cancellationToken))?.Project is { } project)
            {
                foreach (var pm in project.ProjectManagers.Where(pm => pm.Person != notice.To))
                {
                    risk.Enqueue(new RiskNotice(RiskNoticeKind.LeaderUnreachable, pm.Person, notice.Risk, notice.To));
                }
            }
        }, cancellationToken);
    }
}
