using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Risks;

/// <summary>
/// What a risk's update form asks for: the rating, the mitigation (what will be done and by when:
/// both or neither), and whether the risk is closed with this update.
/// </summary>
public sealed record RiskUpdate(RiskRating Rating, GuardedText? Mitigation, DateOnly? MitigationDue)
{
    public bool Close { get; init; }
}

/// <summary>
/// People's changes to a logged risk: the PM, its owner or a chain leader updates it and names its
/// owner; a chain leader acknowledges, accepts or asks for an update (the notices this calls for wait
/// in the risk's outbox, saved with it); someone taken off the project hands over what they owned.
/// </summary>
public sealed class RiskChanges(IRiskStore store, IProjectRepository projects, AccessPolicy access, IAuditLog audit, RiskWriter writer)
{
    /// <summary>The PM, the current owner or a leader in the chain names the owner; the owner must be on the project.</summary>
    public Task<Outcome<(Project Project, Risk Risk)>> AssignOwnerAsync(
        TenantId tenant,
        PersonId person,
        RiskId id,
        PersonId owner,
        CancellationToken cancellationToken) =>
        writer.ChangeAsync(tenant, person, id, ProjectAction.ChangeRisk, RiskAudit.RiskOwnerAssigned, (project, risk) =>
        {
            if (project.RoleOf(owner) is null)
            {
                throw new DomainException(Problem.OwnerNotOnProject());
            }

            risk.AssignOwner(owner, person, writer.Now);
        }, cancellationToken);

    /// <summary>
    /// The PM, the owner or a chain leader re-rates the risk, plans its mitigation, or closes it. A risk
    /// re-rated to critical (or safety/privacy impact 4+) is escalated by the caller at once, as when logged.
    /// </summary>
    public Task<Outcome<(Project Project, Risk Risk)>> UpdateAsync(
        TenantId tenant,
        PersonId person,
        RiskId id,
        RiskUpdate update,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        return writer.ChangeAsync(tenant, person, id, ProjectAction.ChangeRisk, RiskAudit.RiskUpdated, (_, risk) =>
        {
            var now = writer.Now;
            if (update.Rating != risk.Rating)
            {
                risk.Rate(update.Rating, person, now);
            }

            if (update is { Mitigation: { } mitigation, MitigationDue: { } due }
                && (mitigation != risk.Mitigation || due != risk.MitigationDue))
            {
                risk.PlanMitigation(mitigation, due, person, now);
            }
            else if ((update.Mitigation is null) != (update.MitigationDue is null))
            {
                throw new DomainException(Problem.MitigationNeedsBoth());
            }

            if (update.Close)
            {
                risk.Close(person, now);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// A leader in the chain asks the owner (or, without one, the PMs) for an update; the request waits in the risk's outbox.
    /// </summary>
    public Task<Outcome<(Project Project, Risk Risk)>> AskForUpdateAsync(
        TenantId tenant,
        PersonId person,
        RiskId id,
        CancellationToken cancellationToken) =>
        writer.ChangeAsync(tenant, person, id, ProjectAction.RespondToEscalation, RiskAudit.RiskUpdateRequested, (project, risk) =>
        {
            risk.RequestUpdate(person, writer.Now);
            IReadOnlyList<PersonId> recipients = risk.Owner is { } owner ? [owner] : [.. project.ProjectManagers.Select(pm => pm.Person)];
            foreach (var to in recipients)
            {
                risk.Enqueue(new RiskNotice(RiskNoticeKind.UpdateRequested, to, id));
            }
        }, cancellationToken);

    /// <summary>A leader in the chain acknowledges the escalation; the PMs' notices wait in the risk's outbox, saved with it.</summary>
    public Task<Outcome<(Project Project, Risk Risk)>> AcknowledgeAsync(
        TenantId tenant,
        PersonId person,
        RiskId id,
        CancellationToken cancellationToken) =>
        writer.ChangeAsync(tenant, person, id, ProjectAction.RespondToEscalation, RiskAudit.RiskAcknowledged, (project, risk) =>
        {
            risk.Acknowledge(person, writer.Now);
            foreach (var pm in project.ProjectManagers.Where(pm => pm.Person != person))
            {
                risk.Enqueue(new RiskNotice(RiskNoticeKind.Acknowledged, pm.Person, id, person));
            }
        }, cancellationToken);

    /// <summary>A leader in the chain accepts the risk, with a reason.</summary>
    public Task<Outcome<(Project Project, Risk Risk)>> AcceptAsync(
        TenantId tenant,
        PersonId person,
        RiskId id,
        GuardedText? reason,
        CancellationToken cancellationToken) =>
        writer.ChangeAsync(
            tenant,
            person,
            id,
            ProjectAction.RespondToEscalation,
            RiskAudit.RiskAccepted,
            (_, risk) => risk.Accept(reason, person, writer.Now),
            cancellationToken);

    /// <summary>
    /// Someone was taken off the project: each open risk they owned passes to the person who removed
    /// them (or, when an admin not on the project did, to its first PM), recorded in the risk's history
    /// as an owner change by that person. A former member may no longer act on the project's risks, so
    /// none is left with an owner who cannot update it. Returns the risks handed over.
    /// </summary>
    public async Task<IReadOnlyList<RiskId>> HandOverRisksOfAsync(
        TenantId tenant,
        PersonId remover,
        ProjectCode code,
        PersonId removed,
        CancellationToken cancellationToken)
    {
        var project = (await projects.GetAsync(tenant, code, cancellationToken))?.Project;
        if (project is null
            || project.RoleOf(removed) is not null
            || !access.Can(remover, ProjectAction.ManageStakeholders, project).Allowed)
        {
            return [];
        }

        var owner = project.RoleOf(remover) is not null ? remover : project.ProjectManagers.Select(pm => pm.Person).First();
        var owned = (await store.ListAsync(tenant, code, cancellationToken))
            .Where(r => r.IsOpen && r.Owner == removed)
            .Select(r => r.Id)
            .ToList();
        foreach (var id in owned)
        {
            await writer.SaveWithRetriesAsync(tenant, id, risk =>
            {
                if (risk.IsOpen && risk.Owner == removed)
                {
                    risk.AssignOwner(owner, remover, writer.Now);
                }
            }, cancellationToken);
            await audit.AppendAsync(
                tenant,
                new AuditEntry(writer.Now, remover, RiskAudit.RiskHandedOver, code, id.ToString()),
                cancellationToken);
        }

        return owned;
    }
}
