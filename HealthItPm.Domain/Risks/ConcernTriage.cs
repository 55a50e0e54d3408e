using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Risks;

/// <summary>
/// Concerns: anyone on a project raises one; its PMs read and dismiss it (logging it as a risk is
/// <see cref="RiskRegister.LogAsync"/> with the concern's number).
/// </summary>
public sealed class ConcernTriage(IRiskStore store, IProjectRepository projects, AccessPolicy access, IAuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// Anyone on the project raises a concern (its text guarded against PHI); returns it with the PMs who must triage it.
    /// </summary>
    public async Task<Outcome<(Concern Concern, IReadOnlyList<PersonId> ProjectManagers)>> ReportAsync(
        TenantId tenant,
        PersonId person,
        string name,
        ProjectCode code,
        GuardedText text,
        CancellationToken cancellationToken)
    {
        var allowed = await projects.AuthorizedAsync(access, tenant, person, code, ProjectAction.ReportConcern, cancellationToken);
        if (allowed is not Outcome<Project>.Done { Value: var project })
        {
            return allowed.Carry<(Concern, IReadOnlyList<PersonId>)>();
        }

        try
        {
            // Checked before a number is taken, so a refused concern leaves no gap in the numbering.
            Concern.Raise(code, 1, text, person, name, clock.GetUtcNow());
            var number = await store.NextConcernNumberAsync(tenant, code, cancellationToken);
            var concern = Concern.Raise(code, number, text, person, name, clock.GetUtcNow());

            await store.AddConcernAsync(tenant, concern, cancellationToken);
            await audit.AppendAsync(
                tenant,
                AuditEntry.Now(clock, person, RiskAudit.ConcernReported, code, Subject(number)),
                cancellationToken);
            return new Outcome<(Concern, IReadOnlyList<PersonId>)>.Done((concern, [.. project.ProjectManagers.Select(pm => pm.Person)]));
        }
        catch (DomainException e)
        {
            return new Outcome<(Concern, IReadOnlyList<PersonId>)>.Invalid(e.Problem);
        }
    }

    /// <summary>
    /// A concern, for a PM of its project. Authorized before it is read, so anyone else is answered the
    /// same whether it exists or not, and never sees its text, its reporter or how it was triaged.
    /// </summary>
    public async Task<Outcome<Concern>> GetAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        int number,
        CancellationToken cancellationToken)
    {
        var allowed = await projects.AuthorizedAsync(access, tenant, person, code, ProjectAction.TriageConcern, cancellationToken);
        if (allowed is not Outcome<Project>.Done)
        {
            return allowed.Carry<Concern>();
        }

        return await store.GetConcernAsync(tenant, code, number, cancellationToken) is { Concern: var concern }
            ? new Outcome<Concern>.Done(concern)
            : new Outcome<Concern>.NotFound(Problem.ConcernGone());
    }

    /// <summary>A PM dismisses a concern with a reason (once: a concern already triaged says how).</summary>
    public async Task<Outcome<Concern>> DismissAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        int number,
        GuardedText? reason,
        CancellationToken cancellationToken)
    {
        var allowed = await projects.AuthorizedAsync(access, tenant, person, code, ProjectAction.TriageConcern, cancellationToken);
        if (allowed is not Outcome<Project>.Done)
        {
            return allowed.Carry<Concern>();
        }

        if (await store.GetConcernAsync(tenant, code, number, cancellationToken) is not { } found)
        {
            return new Outcome<Concern>.NotFound(Problem.ConcernGone());
        }

        try
        {
            var dismissed = found.Concern.Dismissed(reason);
            if (!await store.SaveConcernAsync(tenant, dismissed, found.Version, cancellationToken))
            {
                return new Outcome<Concern>.Invalid(Problem.ConcernTriagedMeanwhile());
            }

            await audit.AppendAsync(
                tenant,
                AuditEntry.Now(clock, person, RiskAudit.ConcernDismissed, code, Subject(number)),
                cancellationToken);
            return new Outcome<Concern>.Done(dismissed);
        }
        catch (DomainException e)
        {
            return new Outcome<Concern>.Invalid(e.Problem);
        }
    }

    /// <summary>What the audit log names a concern by.</summary>
    public static string Subject(int number) => $"concern {number}";
}
