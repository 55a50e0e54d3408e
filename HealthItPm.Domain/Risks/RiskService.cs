using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Ports;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Risks;

/// <summary>What one person may do with a risk from its card: the card shows them these actions, and no others.</summary>
public sealed record RiskPermissions(bool Acknowledge, bool Accept, bool AssignOwner, bool AskForUpdate)
{
    public static readonly RiskPermissions None = new(false, false, false, false);
}

/// <summary>A risk as the PM entered it.</summary>
public sealed record NewRisk(GuardedText Title, GuardedText? Description, RiskCategory Category, int Probability, int Impact, GuardedText? Mitigation, DateOnly? MitigationDue);

/// <summary>
/// The risk use cases. Logging needs a PM; acknowledging and accepting need a leader in the
/// project's escalation chain. <see cref="WatchOneAsync"/> applies the escalation policy: each step is
/// saved with the risk's ETag, together with the notices it calls for, before anyone is told; the
/// notices leave the risk's outbox for the delivery pipeline through <see cref="HandedOverAsync"/>, and
/// the pipeline reports back through <see cref="RecordDeliveryAsync"/>.
/// </summary>
public sealed class RiskService(IRiskStore store, IProjectRepository projects, AccessPolicy access, IAuditLog audit, TimeProvider clock)
{
    /// <summary>Anyone on the project raises a concern (its text guarded against PHI); returns it with the PMs who must triage it.</summary>
    public async Task<Outcome<(Concern Concern, IReadOnlyList<PersonId> ProjectManagers)>> ReportConcernAsync(TenantId tenant, PersonId person, string name, ProjectCode code, GuardedText text, CancellationToken cancellationToken)
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
            await audit.AppendAsync(tenant, AuditEntry.Now(clock, person, AuditKind.ConcernReported, code, ConcernSubject(number)), cancellationToken);
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
    public async Task<Outcome<Concern>> ConcernAsync(TenantId tenant, PersonId person, ProjectCode code, int number, CancellationToken cancellationToken)
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
    public async Task<Outcome<Concern>> DismissConcernAsync(TenantId tenant, PersonId person, ProjectCode code, int number, GuardedText? reason, CancellationToken cancellationToken)
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

            await audit.AppendAsync(tenant, AuditEntry.Now(clock, person, AuditKind.ConcernDismissed, code, ConcernSubject(number)), cancellationToken);
            return new Outcome<Concern>.Done(dismissed);
        }
        catch (DomainException e)
        {
            return new Outcome<Concern>.Invalid(e.Problem);
        }
    }

    /// <summary>Logs a risk; with <paramref name="fromConcern"/>, the concern it came from is marked as logged (if still untriaged).</summary>
    public async Task<Outcome<Risk>> LogAsync(TenantId tenant, PersonId person, ProjectCode code, NewRisk input, CancellationToken cancellationToken, int? fromConcern = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var allowed = await projects.AuthorizedAsync(access, tenant, person, code, ProjectAction.LogRisks, cancellationToken);
        if (allowed is not Outcome<Project>.Done { Value: var project })
        {
            return allowed.Carry<Risk>();
        }

        (Concern Concern, string Version)? concern = fromConcern is { } concernNumber && await store.GetConcernAsync(tenant, code, concernNumber, cancellationToken) is { Concern.State: ConcernState.Reported } untriaged
            ? untriaged
            : null;
        Risk risk;
        try
        {
            var rating = new RiskRating(input.Probability, input.Impact);
            var number = await store.NextNumberAsync(tenant, code, cancellationToken);
            // A risk from a concern keeps who raised it and their words, even if the PM cleared the description.
            var description = string.IsNullOrWhiteSpace(input.Description) && concern is { Concern: var raised } ? raised.RaisedBy : input.Description;
            risk = Risk.Log(new RiskId(code, number), input.Title, description, input.Category, rating, null, input.Mitigation, input.MitigationDue, person, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return new Outcome<Risk>.Invalid(e.Problem);
        }

        await store.AddAsync(tenant, risk, cancellationToken);
        await audit.AppendAsync(tenant, AuditEntry.Now(clock, person, AuditKind.RiskLogged, code, risk.Id.ToString()), cancellationToken);
        if (concern is { } triaged)
        {
            await store.SaveConcernAsync(tenant, triaged.Concern.LoggedAs(risk.Id), triaged.Version, cancellationToken);
        }

        return new Outcome<Risk>.Done(risk);
    }

    public async Task<Outcome<(Project Project, IReadOnlyList<Risk> Risks)>> RegisterAsync(TenantId tenant, PersonId person, ProjectCode code, CancellationToken cancellationToken)
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
    public async Task<Outcome<(Project Project, Risk Risk)>> GetAsync(TenantId tenant, PersonId person, RiskId id, CancellationToken cancellationToken, ProjectAction action = ProjectAction.ViewRisks)
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

    /// <summary>The PM, the current owner or a leader in the chain names the owner; the owner must be on the project.</summary>
    public Task<Outcome<(Project Project, Risk Risk)>> AssignOwnerAsync(TenantId tenant, PersonId person, RiskId id, PersonId owner, CancellationToken cancellationToken) =>
        ChangeAsync(tenant, person, id, ProjectAction.ChangeRisk, AuditKind.RiskOwnerAssigned, (project, risk) =>
        {
            if (project.RoleOf(owner) is null)
            {
                throw new DomainException(Problem.OwnerNotOnProject());
            }

            risk.AssignOwner(owner, person, clock.GetUtcNow());
        }, cancellationToken);

    /// <summary>
    /// The PM, the owner or a chain leader re-rates the risk, plans its mitigation, or closes it. A risk
    /// re-rated to critical (or safety/privacy impact 4+) is escalated by the caller at once, as when logged.
    /// </summary>
    public Task<Outcome<(Project Project, Risk Risk)>> UpdateAsync(TenantId tenant, PersonId person, RiskId id, RiskRating rating, GuardedText? mitigation, DateOnly? due, bool close, CancellationToken cancellationToken) =>
        ChangeAsync(tenant, person, id, ProjectAction.ChangeRisk, AuditKind.RiskUpdated, (_, risk) =>
        {
            var now = clock.GetUtcNow();
            if (rating != risk.Rating)
            {
                risk.Rate(rating, person, now);
            }

            if (mitigation is not null && due is { } date && (mitigation != risk.Mitigation || date != risk.MitigationDue))
            {
                risk.PlanMitigation(mitigation, date, person, now);
            }
            else if ((mitigation is null) != (due is null))
            {
                throw new DomainException(Problem.MitigationNeedsBoth());
            }

            if (close)
            {
                risk.Close(person, now);
            }
        }, cancellationToken);

    /// <summary>
    /// Someone was taken off the project: each open risk they owned passes to the person who removed
    /// them (or, when an admin not on the project did, to its first PM), recorded in the risk's history
    /// as an owner change by that person. A former member may no longer act on the project's risks, so
    /// none is left with an owner who cannot update it. Returns the risks handed over.
    /// </summary>
    public async Task<IReadOnlyList<RiskId>> HandOverRisksOfAsync(TenantId tenant, PersonId remover, ProjectCode code, PersonId removed, CancellationToken cancellationToken)
    {
        var project = (await projects.GetAsync(tenant, code, cancellationToken))?.Project;
        if (project is null || project.RoleOf(removed) is not null || !access.Can(remover, ProjectAction.ManageStakeholders, project).Allowed)
        {
            return [];
        }

        var owner = project.RoleOf(remover) is not null ? remover : project.ProjectManagers.Select(pm => pm.Person).First();
        var owned = (await store.ListAsync(tenant, code, cancellationToken)).Where(r => r.IsOpen && r.Owner == removed).Select(r => r.Id).ToList();
        foreach (var id in owned)
        {
            await SaveWithRetriesAsync(tenant, id, risk =>
            {
                if (risk.IsOpen && risk.Owner == removed)
                {
                    risk.AssignOwner(owner, remover, clock.GetUtcNow());
                }
            }, cancellationToken);
            await audit.AppendAsync(tenant, AuditEntry.Now(clock, remover, AuditKind.RiskHandedOver, code, id.ToString()), cancellationToken);
        }

        return owned;
    }

    /// <summary>A leader in the chain asks the owner (or, without one, the PMs) for an update; the request waits in the risk's outbox.</summary>
    public Task<Outcome<(Project Project, Risk Risk)>> AskForUpdateAsync(TenantId tenant, PersonId person, RiskId id, CancellationToken cancellationToken) =>
        ChangeAsync(tenant, person, id, ProjectAction.RespondToEscalation, AuditKind.RiskUpdateRequested, (project, risk) =>
        {
            var now = clock.GetUtcNow();
            risk.RequestUpdate(person, now);
            IReadOnlyList<PersonId> recipients = risk.Owner is { } owner ? [owner] : [.. project.ProjectManagers.Select(pm => pm.Person)];
            foreach (var to in recipients)
            {
                risk.Enqueue(new RiskNotice(RiskNoticeKind.UpdateRequested, to, id, "a leader asked for an update"));
            }
        }, cancellationToken);

    /// <summary>A leader in the chain acknowledges the escalation; the PMs' notices wait in the risk's outbox, saved with it.</summary>
    public Task<Outcome<(Project Project, Risk Risk)>> AcknowledgeAsync(TenantId tenant, PersonId person, RiskId id, CancellationToken cancellationToken) =>
        ChangeAsync(tenant, person, id, ProjectAction.RespondToEscalation, AuditKind.RiskAcknowledged, (project, risk) =>
        {
            risk.Acknowledge(person, clock.GetUtcNow());
            foreach (var pm in project.ProjectManagers.Where(pm => pm.Person != person))
            {
                risk.Enqueue(new RiskNotice(RiskNoticeKind.Acknowledged, pm.Person, id, person.Value));
            }
        }, cancellationToken);

    public Task<Outcome<(Project Project, Risk Risk)>> AcceptAsync(TenantId tenant, PersonId person, RiskId id, GuardedText? reason, CancellationToken cancellationToken) =>
        ChangeAsync(tenant, person, id, ProjectAction.RespondToEscalation, AuditKind.RiskAccepted, (_, risk) => risk.Accept(reason, person, clock.GetUtcNow()), cancellationToken);

    /// <summary>The risks the escalation policy still acts on, or whose notices are not yet delivered.</summary>
    public Task<IReadOnlyList<(TenantId Tenant, RiskId Id)>> WatchedAsync(CancellationToken cancellationToken) => store.WatchedAsync(cancellationToken);

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
                notices = [new RiskNotice(RiskNoticeKind.Escalation, escalate.To, id, escalate.Reason)];
                break;
            case EscalationStep.RemindOwner remind:
                risk.MarkOwnerReminded(now);
                notices = [new RiskNotice(RiskNoticeKind.OwnerReminder, remind.Owner, id, "mitigation past due")];
                break;
            case EscalationStep.ChainExhausted:
                risk.MarkChainExhaustionReported(now);
                notices = [.. project.ProjectManagers.Select(pm => new RiskNotice(RiskNoticeKind.ChainExhausted, pm.Person, id, "nobody in the escalation chain acknowledged"))];
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

    /// <summary>The risk's notices waiting to be handed to the delivery pipeline, with its project; null when there are none.</summary>
    public async Task<(Project Project, Risk Risk)?> OutboxAsync(TenantId tenant, RiskId id, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(tenant, id, cancellationToken);
        return stored is { Risk.Outbox.Count: > 0 } && (await projects.GetAsync(tenant, id.Project, cancellationToken))?.Project is { } project
            ? (project, stored.Risk)
            : null;
    }

    /// <summary>The pipeline has these notices: they leave the outbox (re-read and retried when the risk changed meanwhile).</summary>
    public Task HandedOverAsync(TenantId tenant, RiskId id, IReadOnlyCollection<int> sequences, CancellationToken cancellationToken) =>
        SaveWithRetriesAsync(tenant, id, risk => risk.HandedOver(sequences), cancellationToken);

    /// <summary>
    /// Records how the pipeline settled a notice. An escalation that cannot reach its leader at all (no
    /// chat with the bot) tells the PMs at once, so they can reach the leader another way or change the
    /// chain, instead of learning of it when the SLA has run out.
    /// </summary>
    public Task RecordDeliveryAsync(TenantId tenant, RiskNotice notice, DeliveryState state, int attempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return SaveWithRetriesAsync(tenant, notice.Risk, async risk =>
        {
            risk.RecordDelivery(notice, state, attempts, clock.GetUtcNow());
            if (state == DeliveryState.Unreachable && notice.Kind == RiskNoticeKind.Escalation
                && (await projects.GetAsync(tenant, notice.Risk.Project, cancellationToken))?.Project is { } project)
            {
                foreach (var pm in project.ProjectManagers.Where(pm => pm.Person != notice.To))
                {
                    risk.Enqueue(new RiskNotice(RiskNoticeKind.LeaderUnreachable, pm.Person, notice.Risk, notice.To.Value));
                }
            }
        }, cancellationToken);
    }

    /// <summary>The same rules the use cases apply, for the card: leaders in the chain acknowledge, accept and ask; the PM, owner or chain assign.</summary>
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

    /// <summary>
    /// The project of a risk, for someone who may see its risks (to check what they type in its
    /// context); anyone else hears what <paramref name="action"/> on the risk would tell them.
    /// </summary>
    public async Task<Outcome<Project>> ProjectOfAsync(TenantId tenant, PersonId person, RiskId id, ProjectAction action, CancellationToken cancellationToken) =>
        (await projects.GetAsync(tenant, id.Project, cancellationToken))?.Project is { } project && access.Can(person, ProjectAction.ViewRisks, project).Allowed
            ? new Outcome<Project>.Done(project)
            : new Outcome<Project>.Refused(Refusal.NoSuchRisk(action, id));

    /// <summary>Authorizes the person for <paramref name="action"/> on the risk, applies the change and saves it with its ETag; one retry on a lost race.</summary>
    private async Task<Outcome<(Project Project, Risk Risk)>> ChangeAsync(
        TenantId tenant,
        PersonId person,
        RiskId id,
        ProjectAction action,
        AuditKind kind,
        Action<Project, Risk> change,
        CancellationToken cancellationToken)
    {
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

    private static string ConcernSubject(int number) => $"concern {number}";

    private Task SaveWithRetriesAsync(TenantId tenant, RiskId id, Action<Risk> change, CancellationToken cancellationToken) =>
        SaveWithRetriesAsync(tenant, id, risk =>
        {
            change(risk);
            return Task.CompletedTask;
        }, cancellationToken);

    // Bookkeeping that must not be lost to a concurrent change: re-read and apply again until saved.
    private async Task SaveWithRetriesAsync(TenantId tenant, RiskId id, Func<Risk, Task> change, CancellationToken cancellationToken)
    {
        while (await store.GetAsync(tenant, id, cancellationToken) is { } stored)
        {
            await change(stored.Risk);
            if (await store.SaveAsync(tenant, stored, cancellationToken))
            {
                return;
            }
        }
    }
}
