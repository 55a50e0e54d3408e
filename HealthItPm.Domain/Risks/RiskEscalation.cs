using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Domain.Risks;

/// <summary>
/// The escalation engine: applies each project's <see cref="EscalationPolicy"/> to its risks. Each step
/// is saved with the risk's ETag, together with the notices it calls for, before anyone is told; the
/// notices then leave through <see cref="RiskOutbox"/>.
/// </summary>
public sealed class RiskEscalation(IRiskStore store, IProjectRepository projects, TimeProvider clock)
{
    /// <summary>The risks the escalation policy still acts on, or whose notices are not yet delivered.</summary>
    public Task<IReadOnlyList<(TenantId Tenant, RiskId Id)>> WatchedAsync(CancellationToken cancellationToken) =>
        store.WatchedAsync(cancellationToken);

    /// <summary>
    /// Applies the policy to one risk (at once after logging or re-rating it, and on every tick): the
    /// step and the notices it calls for are saved together with the risk's ETag, so of several hosts
    /// one takes the step, and the notices survive until delivered. Returns the notices queued.
    /// </summary>
    public async Task<IReadOnlyList<RiskNotice>> WatchOneAsync(TenantId tenant, RiskId id, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(tenant, id, cancellationToken);
        var project = (await projects.GetAsync(tenant, id.Project, cancellationToken))?.Project;
        if (stored is null || project is null)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(project.TimeZone)).DateTime);
        var risk = stored.Risk;
        var step = EscalationPolicy.Of(project).Next(risk, now, today, risk.ChainExhaustionReported);
        IReadOnlyList<RiskNotice> notices;
        switch (step)
        {
            case EscalationStep.Escalate escalate:
                risk.Escalate(escalate.Level, escalate.Reason, now);
                notices = [new RiskNotice(RiskNoticeKind.Escalation, escalate.To, id)];
                break;
            case EscalationStep.RemindOwner remind:
                risk.MarkOwnerReminded(now);
                notices = [new RiskNotice(RiskNoticeKind.OwnerReminder, remind.Owner, id)];
                break;
            case EscalationStep.ChainExhausted:
                risk.MarkChainExhaustionReported(now);
                notices = [.. project.ProjectManagers.Select(pm => new RiskNotice(RiskNoticeKind.ChainExhausted, pm.Person, id))];
                break;
            default:
                return [];
        }

        foreach (var notice in notices)
        {
            risk.Enqueue(notice);
        }

        return await store.SaveAsync(tenant, stored, cancellationToken) ? notices : [];
    }
}
