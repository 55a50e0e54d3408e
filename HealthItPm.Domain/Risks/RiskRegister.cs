using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Risks;

/// <summary>The concern a risk is logged from, and how a description made of it reads.</summary>
public sealed record FromConcern(int Number, ConcernWording Words);

/// <summary>A risk as the PM entered it.</summary>
public sealed record NewRisk(
    GuardedText Title,
    GuardedText? Description,
    RiskCategory Category,
    int Probability,
    int Impact,
    GuardedText? Mitigation,
    DateOnly? MitigationDue);

/// <summary>What one person may do with a risk from its card: the card shows them these actions, and no others.</summary>
public sealed record RiskPermissions(bool Acknowledge, bool Accept, bool AssignOwner, bool AskForUpdate)
{
    public static readonly RiskPermissions None = new(false, false, false, false);
}

/// <summary>
/// A project's risk register: PMs log risks (from a concern, too); everyone on the project sees them;
/// a card shows each viewer the actions the same rules allow them.
/// </summary>
public sealed class RiskRegister(IRiskStore store, IProjectRepository projects, AccessPolicy access, IAuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// Logs a risk; with <paramref name="fromConcern"/>, the concern it came from is marked as logged (if still untriaged),
    /// and a risk logged without a description gets the concern's, worded by it.
    /// </summary>
    public async Task<Outcome<Risk>> LogAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        NewRisk input,
        CancellationToken cancellationToken,
        FromConcern? fromConcern = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var allowed = await projects.AuthorizedAsync(access, tenant, person, code, ProjectAction.LogRisks, cancellationToken);
        if (allowed is not Outcome<Project>.Done)
        {
            return allowed.Carry<Risk>();
        }

        (Concern Concern, string Version)? concern = fromConcern is { } source
            && await store.GetConcernAsync(
                tenant,
                code,
                source.Number,
                cancellationToken) is { Concern.State: ConcernState.Reported } untriaged
            ? untriaged
            : null;
        Risk risk;
        try
        {
            var rating = new RiskRating(input.Probability, input.Impact);
            var number = await store.NextNumberAsync(tenant, code, cancellationToken);
            // A risk from a concern keeps who raised it and their words, even if the PM cleared the description.
            var description = string.IsNullOrWhiteSpace(input.Description) && concern is { Concern: var raised }
                ? raised.RaisedBy(fromConcern!.Words)
                : input.Description;
            risk = Risk.Log(
                new RiskId(code, number),
                input.Title,
                description,
                input.Category,
                rating,
                null,
                input.Mitigation,
                input.MitigationDue,
                person,
                clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return new Outcome<Risk>.Invalid(e.Problem);
        }

        await store.AddAsync(tenant, risk, cancellationToken);
        await audit.AppendAsync(tenant, AuditEntry.Now(clock, person, RiskAudit.RiskLogged, code, risk.Id.ToString()), cancellationToken);
        if (concern is { } triaged)
        {
            await store.SaveConcernAsync(tenant, triaged.Concern.LoggedAs(risk.Id), triaged.Version, cancellationToken);
        }

        return new Outcome<Risk>.Done(risk);
    }

    /// <summary>The project's register, for someone on the project.</summary>
    public async Task<Outcome<(Project Project, IReadOnlyList<Risk> Risks)>> ListAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        CancellationToken cancellationToken)
    {
        var allowed = await projects.AuthorizedAsync(access, tenant, person, code, ProjectAction.ViewRisks, cancellationToken);
        return allowed is Outcome<Project>.Done { Value: var project }
            ? new Outcome<(Project, IReadOnlyList<Risk>)>.Done((project, await store.ListAsync(tenant, code, cancellationToken)))
            : allowed.Carry<(Project, IReadOnlyList<Risk>)>();
    }

    /// <summary>
    /// One risk, for someone on its project (a point read: the register is not listed for it) who may
    /// do <paramref name="action"/> on it (by default: see it; a form to change it asks for <see cref="ProjectAction.ChangeRisk"/>).
    /// </summary>
    public async Task<Outcome<(Project Project, Risk Risk)>> GetAsync(
        TenantId tenant,
        PersonId person,
        RiskId id,
        CancellationToken cancellationToken,
        ProjectAction action = ProjectAction.ViewRisks)
    {
        var allowed = await projects.AuthorizedAsync(access, tenant, person, id.Project, ProjectAction.ViewRisks, cancellationToken);
        if (allowed is not Outcome<Project>.Done { Value: var project })
        {
            return allowed.Carry<(Project, Risk)>();
        }

        if (await store.GetAsync(tenant, id, cancellationToken) is not { } found)
        {
            return new Outcome<(Project, Risk)>.NotFound(Problem.NoSuchRisk(id));
        }

        return access.Can(person, action, project, found.Risk) is { Allowed: false, Refusal: var refusal }
            ? new Outcome<(Project, Risk)>.Refused(refusal!)
            : new Outcome<(Project, Risk)>.Done((project, found.Risk));
    }

    /// <summary>
    /// The project of a risk, for someone who may see its risks (to check what they type in its
    /// context); anyone else hears what <paramref name="action"/> on the risk would tell them.
    /// </summary>
    public async Task<Outcome<Project>> ProjectOfAsync(
        TenantId tenant,
        PersonId person,
        RiskId id,
        ProjectAction action,
        CancellationToken cancellationToken) =>
        (await projects.GetAsync(tenant, id.Project, cancellationToken))?.Project is { } project
            && access.Can(person, ProjectAction.ViewRisks, project).Allowed
            ? new Outcome<Project>.Done(project)
            : new Outcome<Project>.Refused(Refusal.NoSuchRisk(action, id));

    /// <summary>
    /// The same rules the use cases apply, for the card: leaders in the chain acknowledge, accept and ask; the PM, owner or chain assign.
    /// </summary>
    public RiskPermissions PermissionsOf(Project project, Risk risk, PersonId person)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(risk);
        if (!risk.IsOpen)
        {
            return RiskPermissions.None;
        }

        var respond = access.Can(person, ProjectAction.RespondToEscalation, project, risk).Allowed;
        return new RiskPermissions(
            respond && risk.Status == RiskStatus.Escalated && risk.Acknowledged is null,
            respond,
            access.Can(person, ProjectAction.ChangeRisk, project, risk).Allowed,
            respond);
    }
}
