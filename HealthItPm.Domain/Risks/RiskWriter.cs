using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Risks;

/// <summary>
/// The two ways a risk is written, shared by every risk use case: a person's change (authorize, load,
/// apply, save with the ETag, audit) and the bookkeeping the system does on its own (re-read and apply
/// again until saved, so it is never lost to a concurrent change).
/// </summary>
public sealed class RiskWriter(IRiskStore store, IProjectRepository projects, AccessPolicy access, IAuditLog audit, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// Authorizes the person for <paramref name="action"/> on the risk, applies the change and saves it
    /// with its ETag, then records <paramref name="kind"/> in the audit log; one retry on a lost race.
    /// </summary>
    public async Task<Outcome<(Project Project, Risk Risk)>> ChangeAsync(
        TenantId tenant,
        PersonId person,
        RiskId id,
        ProjectAction action,
        AuditKind kind,
        Action<Project, Risk> change,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            // The project before the risk: someone not on it (a former owner among them) is answered
            // before the risk is read, the same whether it exists or not.
            var project = (await projects.GetAsync(tenant, id.Project, cancellationToken))?.Project;
            if (project is null || !access.Can(person, ProjectAction.ViewRisks, project).Allowed)
            {
                return new Outcome<(Project, Risk)>.Refused(Refusal.NoSuchRisk(action, id));
            }

            if (await store.GetAsync(tenant, id, cancellationToken) is not { } stored)
            {
                return new Outcome<(Project, Risk)>.Refused(Refusal.NoSuchRisk(action, id));
            }

            if (access.Can(person, action, project, stored.Risk) is { Allowed: false, Refusal: var refusal })
            {
                return new Outcome<(Project, Risk)>.Refused(refusal!);
            }

            try
            {
                change(project, stored.Risk);
            }
            catch (DomainException e)
            {
                return new Outcome<(Project, Risk)>.Invalid(e.Problem);
            }

            if (await store.SaveAsync(tenant, stored, cancellationToken))
            {
                await audit.AppendAsync(tenant, AuditEntry.Now(clock, person, kind, id.Project, id.ToString()), cancellationToken);
                return new Outcome<(Project, Risk)>.Done((project, stored.Risk));
            }

            if (attempt == 2)
            {
                return new Outcome<(Project, Risk)>.Invalid(Problem.RiskChangedMeanwhile(id));
            }
        }
    }

    /// <summary>
    /// Bookkeeping that must not be lost to a concurrent change: re-read and apply again until saved (nothing when the risk is gone).
    /// </summary>
    public async Task SaveWithRetriesAsync(TenantId tenant, RiskId id, Func<Risk, Task> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        while (await store.GetAsync(tenant, id, cancellationToken) is { } stored)
        {
            await change(stored.Risk);
            if (await store.SaveAsync(tenant, stored, cancellationToken))
            {
                return;
            }
        }
    }

    /// <inheritdoc cref="SaveWithRetriesAsync(TenantId, RiskId, Func{Risk, Task}, CancellationToken)"/>
    public Task SaveWithRetriesAsync(TenantId tenant, RiskId id, Action<Risk> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return SaveWithRetriesAsync(tenant, id, risk =>
        {
            change(risk);
            return Task.CompletedTask;
        }, cancellationToken);
    }
}
