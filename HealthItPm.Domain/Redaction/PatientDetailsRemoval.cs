using HealthItPm.Domain.Audit;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Redaction;

/// <summary>
/// What a removal came to: the subject whose cards show the field (a risk id, a round id), and whether any text was replaced
/// (false when it was removed already, or a blocker named by a fingerprint no answer has).
/// </summary>
public sealed record Removal(ProjectCode Project, string Subject, RemovableText Field, bool Removed);

/// <summary>
/// Removes patient details that got through the PHI guard from a stored text: a PM of the project or an admin replaces the
/// field by <see cref="RemovedText.Marker"/> in the record and the copies it keeps, and the audit log records who, when,
/// which field of which subject — never the text. A blocker is named by its <see cref="RemovedText.Fingerprint"/>, never by
/// whose it is, so an anonymous answer's words are removed without anyone learning whose they were.
/// </summary>
public sealed class PatientDetailsRemoval(
    IRiskStore risks,
    IRoundStore rounds,
    IProjectRepository projects,
    AccessPolicy access,
    IAuditLog audit,
    TimeProvider clock)
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
    /// A check-in blocker, named by the fingerprint of its words: every answer to the round with those words loses them (an
    /// anonymous round's answers are found without knowing whose they are).
    /// </summary>
    public async Task<Outcome<Removal>> FromCheckInBlockerAsync(
        TenantId tenant, PersonId person, ProjectCode code, string roundId, string fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var project = await projects.AuthorizedAsync(access, tenant, person, code, Action, cancellationToken);
        if (project is not Outcome<Project>.Done)
        {
            return new Outcome<Removal>.Refused(((Outcome<Project>.Refused)project).Reason);
        }

        var kind = CheckInRounds.Kind;
        if (await rounds.GetRoundAsync(tenant, code, kind, roundId, cancellationToken) is not { } round)
        {
            return new Outcome<Removal>.NotFound(Problem.RoundGone(kind));
        }

        var removed = false;
        foreach (var given in await rounds.AnswersAsync<CheckInAnswer>(tenant, round, cancellationToken))
        {
            if (given.Answer.Blockers is { } blockers && !RemovedText.IsRemoved(blockers)
                && string.Equals(RemovedText.Fingerprint(blockers), fingerprint, StringComparison.Ordinal))
            {
                var without = given with { Answer = given.Answer.WithoutPatientDetails() };
                await rounds.SaveAnswerAsync(tenant, round, without, cancellationToken);
                removed = true;
            }
        }

        var removal = new Removal(code, round.Id, RemovableText.CheckInBlocker, removed);
        if (removed)
        {
            await AuditAsync(tenant, person, removal, cancellationToken);
        }

        return new Outcome<Removal>.Done(removal);
    }

    /// <summary>The words of the round's blockers that still hold text, for the PM's confirmation (never whose they are).</summary>
    public async Task<Outcome<IReadOnlyList<string>>> BlockersAsync(
        TenantId tenant, PersonId person, ProjectCode code, string roundId, CancellationToken cancellationToken)
    {
        var project = await projects.AuthorizedAsync(access, tenant, person, code, Action, cancellationToken);
        if (project is Outcome<Project>.Refused refused)
        {
            return new Outcome<IReadOnlyList<string>>.Refused(refused.Reason);
        }

        if (await rounds.GetRoundAsync(tenant, code, CheckInRounds.Kind, roundId, cancellationToken) is not { } round)
        {
            return new Outcome<IReadOnlyList<string>>.NotFound(Problem.RoundGone(CheckInRounds.Kind));
        }

        var answers = await rounds.AnswersAsync<CheckInAnswer>(tenant, round, cancellationToken);
        return new Outcome<IReadOnlyList<string>>.Done(
            [.. answers.Select(a => a.Answer.Blockers?.Value).OfType<string>().Where(b => !RemovedText.IsRemoved(b))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    private Task AuditAsync(TenantId tenant, PersonId person, Removal removal, CancellationToken cancellationToken) =>
        audit.AppendAsync(
            tenant,
            AuditEntry.Now(clock, person, RedactionAudit.PatientDetailsRemoved, removal.Project, removal.Subject)
                with { Field = removal.Field },
            cancellationToken);
}
