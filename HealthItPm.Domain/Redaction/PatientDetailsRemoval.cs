using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Redaction;

/// <summary>
/// What a removal came to: the subject whose cards show the field (a risk id, a round id), and whether any text was replaced
/// (false when it was removed already, or words named by a fingerprint no answer has).
/// </summary>
public sealed record Removal(ProjectCode Project, string Subject, RemovableText Field, bool Removed);

/// <summary>
/// Removes patient details that got through the PHI guard from a stored text: a PM of the project or an admin replaces the
/// field by <see cref="RemovedText.Marker"/> in the record and the copies it keeps, and the audit log records who, when,
/// which field of which subject — never the text. A round's answer text is named by its <see cref="RemovedText.Fingerprint"/>,
/// never by whose it is, so an anonymous answer's words are removed without anyone learning whose they were.
/// </summary>
public sealed class PatientDetailsRemoval(
    IRiskStore risks,
    IRoundStore rounds,
    IProjectRepository projects,
    AccessPolicy access,
    IAuditLog audit,
    TimeProvider clock,
    IEnumerable<IAnswerTextCopies> copies)
{
    private const ProjectAction Action = ProjectAction.RemovePatientDetails;

    /// <summary>A risk's title, description, mitigation or reason for accepting it.</summary>
    public async Task<Outcome<Removal>> FromRiskAsync(
        TenantId tenant, PersonId person, RiskId id, RemovableText field, CancellationToken cancellationToken)
    {
        if (field is not (RemovableText.RiskTitle or RemovableText.RiskDescription
            or RemovableText.RiskMitigation or RemovableText.RiskAcceptReason))
        {
            return new Outcome<Removal>.Refused(Refusal.NoSuchRisk(Action, id));
        }

        for (var attempt = 1; ; attempt++)
        {
            // The project before the risk: someone not on it hears what they would for a risk that does not exist.
            var project = (await projects.GetAsync(tenant, id.Project, cancellationToken))?.Project;
            if (project is null || !access.Can(person, ProjectAction.ViewRisks, project).Allowed)
            {
                return new Outcome<Removal>.Refused(Refusal.NoSuchRisk(Action, id));
            }

            if (access.Can(person, Action, project) is { Allowed: false, Refusal: var refusal })
            {
                return new Outcome<Removal>.Refused(refusal!);
            }

            if (await risks.GetAsync(tenant, id, cancellationToken) is not { } stored)
            {
                return new Outcome<Removal>.Refused(Refusal.NoSuchRisk(Action, id));
            }

            var removal = new Removal(id.Project, id.ToString(), field, stored.Risk.RemovePatientDetails(field));
            if (!removal.Removed)
            {
                return new Outcome<Removal>.Done(removal);
            }

            if (await risks.SaveAsync(tenant, stored, cancellationToken))
            {
                await AuditAsync(tenant, person, removal, cancellationToken);
                return new Outcome<Removal>.Done(removal);
            }

            if (attempt == 2)
            {
                return new Outcome<Removal>.Invalid(Problem.RiskChangedMeanwhile(id));
            }
        }
    }

    /// <summary>
    /// Words in the free-text fields a round's kind declares (a check-in's blockers, a wave's comments, a vote's conditions or
    /// reason), named by the fingerprint of the words: every answer to the round with those words loses them, found without
    /// knowing whose they are (an anonymous round's answers stay anonymous), and so does every copy of them kept elsewhere
    /// (<see cref="IAnswerTextCopies"/>). The audit names the round, never an answer.
    /// </summary>
    public async Task<Outcome<Removal>> FromRoundAnswersAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        RoundKind kind,
        string roundId,
        string fingerprint,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(fingerprint);
        var found = await RoundAsync(tenant, person, code, kind, roundId, cancellationToken);
        if (found is not Outcome<Round>.Done { Value: var round })
        {
            return found.Carry<Removal>();
        }

        var removed = await kind.RemoveAnswerTextAsync(rounds, tenant, round, fingerprint, cancellationToken);
        foreach (var copy in copies.Where(c => c.Kind == kind))
        {
            removed |= await copy.RemoveAsync(tenant, round, fingerprint, cancellationToken);
        }

        var removal = new Removal(code, round.Id, RemovableText.RoundAnswer, removed);
        if (removal.Removed)
        {
            await AuditAsync(tenant, person, removal, cancellationToken);
        }

        return new Outcome<Removal>.Done(removal);
    }

    /// <summary>The words of the round's answers that still hold text, for the PM's confirmation (never whose they are).</summary>
    public async Task<Outcome<IReadOnlyList<string>>> RoundAnswerTextsAsync(
        TenantId tenant, PersonId person, ProjectCode code, RoundKind kind, string roundId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var found = await RoundAsync(tenant, person, code, kind, roundId, cancellationToken);
        return found is Outcome<Round>.Done { Value: var round }
            ? new Outcome<IReadOnlyList<string>>.Done(await kind.AnswerTextsAsync(rounds, tenant, round, cancellationToken))
            : found.Carry<IReadOnlyList<string>>();
    }

    /// <summary>
    /// A concern's words or the reason it was dismissed, for a PM of its project or an admin: anyone else is answered as for
    /// a concern that does not exist.
    /// </summary>
    public async Task<Outcome<Removal>> FromConcernAsync(
        TenantId tenant, PersonId person, ProjectCode code, int number, RemovableText field, CancellationToken cancellationToken)
    {
        var subject = ConcernTriage.Subject(number);
        if (field is not (RemovableText.Concern or RemovableText.ConcernDismissReason))
        {
            return new Outcome<Removal>.NotFound(Problem.ConcernGone());
        }

        var project = await projects.AuthorizedAsync(access, tenant, person, code, Action, cancellationToken);
        if (project is not Outcome<Project>.Done)
        {
            return project.Carry<Removal>();
        }

        for (var attempt = 1; ; attempt++)
        {
            if (await risks.GetConcernAsync(tenant, code, number, cancellationToken) is not { } found)
            {
                return new Outcome<Removal>.NotFound(Problem.ConcernGone());
            }

            if (found.Concern.WithoutPatientDetails(field) is not { } without)
            {
                return new Outcome<Removal>.Done(new Removal(code, subject, field, false));
            }

            if (await risks.SaveConcernAsync(tenant, without, found.Version, cancellationToken))
            {
                var removal = new Removal(code, subject, field, true);
                await AuditAsync(tenant, person, removal, cancellationToken);
                return new Outcome<Removal>.Done(removal);
            }

            if (attempt == 2)
            {
                return new Outcome<Removal>.Invalid(Problem.ConcernTriagedMeanwhile());
            }
        }
    }

    /// <summary>
    /// The round whose PM-facing card the removal is asked from (its Cancel shows that card again), for a PM of its project or
    /// an admin: a vote is not shown before its decision (<see cref="RoundKind.AnswersKeptUntilClosed"/>).
    /// </summary>
    public Task<Outcome<Round>> RoundOfAsync(
        TenantId tenant, PersonId person, ProjectCode code, RoundKind kind, string roundId, CancellationToken cancellationToken) =>
        RoundAsync(tenant, person, code, kind, roundId, words: false, cancellationToken);

    private Task<Outcome<Round>> RoundAsync(
        TenantId tenant, PersonId person, ProjectCode code, RoundKind kind, string roundId, CancellationToken cancellationToken) =>
        RoundAsync(tenant, person, code, kind, roundId, words: true, cancellationToken);

    // The words of a round's answers are listed and removed only where its results may show them: never an anonymous round's
    // while it is open or when fewer than five answered (their words would tell whose they are; they are not kept once it
    // has closed and been counted), never a vote's before its decision.
    private async Task<Outcome<Round>> RoundAsync(
        TenantId tenant, PersonId person, ProjectCode code, RoundKind kind, string roundId, bool words, CancellationToken cancellationToken)
    {
        var project = await projects.AuthorizedAsync(access, tenant, person, code, Action, cancellationToken);
        if (project is not Outcome<Project>.Done)
        {
            return project.Carry<Round>();
        }

        if (await rounds.GetRoundAsync(tenant, code, kind, roundId, cancellationToken) is not { } round)
        {
            return new Outcome<Round>.NotFound(Problem.RoundGone(kind));
        }

        var now = clock.GetUtcNow();
        if ((kind.AnswersKeptUntilClosed && round.IsOpen(now))
            || (words && round.Anonymous
                && round.FiguresWithheld(await kind.CountedAsync(rounds, tenant, round, cancellationToken), now) is not null))
        {
            return new Outcome<Round>.Invalid(Problem.RoundAnswersWithheld(kind));
        }

        return new Outcome<Round>.Done(round);
    }

    private Task AuditAsync(TenantId tenant, PersonId person, Removal removal, CancellationToken cancellationToken) =>
        audit.AppendAsync(
            tenant,
            AuditEntry.Now(clock, person, RedactionAudit.PatientDetailsRemoved, removal.Project, removal.Subject)
                with { Field = removal.Field },
            cancellationToken);
}
