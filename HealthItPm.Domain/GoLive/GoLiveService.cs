using HealthItPm.Domain.Audit;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.GoLive;

/// <summary>A gate with its project and its scorecard now.</summary>
public sealed record GateView(Project Project, GoLiveGate Gate, Scorecard Scorecard);

/// <summary>
/// The go-live gate's use cases: the PM sets the date (starting from the template of the project's kind) and
/// edits the criteria; anyone on the project sees the scorecard; an owner attests their criterion; the
/// scheduler keeps the checkpoints. Every figure comes from what HealthItPm already stores (<see cref="FactsAsync"/>).
/// </summary>
public sealed class GoLiveService(
    IGateStore gates,
    IProjectRepository projects,
    IRiskStore risks,
    IRoundStore rounds,
    AccessPolicy access,
    IAuditLog audit,
    TimeProvider clock)
{
    private const int Attempts = 2;

    // Enough of the latest rounds to find the closed one behind rounds still open.
    private const int RoundsLookedAt = 6;

    /// <summary>
    /// Sets the gate's date: a project without a gate gets one from its kind's template, every criterion owned by
    /// the PM who set it (they hand them out); a gate already set moves to the new date, its criteria kept.
    /// </summary>
    public Task<Outcome<GoLiveGate>> SetAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        DateOnly date,
        IReadOnlyList<int>? checkpointDays,
        CancellationToken cancellationToken) =>
        ChangeAsync(
            tenant,
            person,
            code,
            (gate, project, today) =>
            {
                gate ??= GoLiveGate.FromTemplate(project, date, person, today);
                gate.Reschedule(date, checkpointDays ?? gate.CheckpointDays, today);
                return gate;
            },
            GoLiveAudit.GoLiveGateChanged,
            cancellationToken);

    /// <summary>Adds a criterion (PM).</summary>
    public Task<Outcome<GoLiveGate>> AddAsync(
        TenantId tenant, PersonId person, ProjectCode code, CriterionDraft draft, CancellationToken cancellationToken) =>
        ChangeExistingAsync(tenant, person, code, (gate, project) => gate.Add(project, draft), cancellationToken);

    /// <summary>Changes a criterion (PM).</summary>
    public Task<Outcome<GoLiveGate>> EditAsync(
        TenantId tenant, PersonId person, ProjectCode code, int number, CriterionEdit edit, CancellationToken cancellationToken) =>
        ChangeExistingAsync(tenant, person, code, (gate, project) => gate.Edit(project, number, edit), cancellationToken);

    /// <summary>Removes a criterion (PM).</summary>
    public Task<Outcome<GoLiveGate>> RemoveAsync(
        TenantId tenant, PersonId person, ProjectCode code, int number, CancellationToken cancellationToken) =>
        ChangeExistingAsync(tenant, person, code, (gate, _) => gate.Remove(number), cancellationToken);

    /// <summary>
    /// An owner marks their attested criterion met, at risk or not met, with evidence words (PHI-guarded), dated
    /// today in the project's time zone. Only the criterion's owner, while on the project.
    /// </summary>
    public async Task<Outcome<GateCriterion>> AttestAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        int number,
        AttestedState state,
        GuardedText evidence,
        CancellationToken cancellationToken)
    {
        GateCriterion? attested = null;
        var outcome = await ChangeAsync(
            tenant,
            person,
            code,
            (gate, _, today) =>
            {
                if (gate is null)
                {
                    throw new DomainException(Problem.NoGateYet(code));
                }

                attested = gate.Attest(number, person, state, evidence, today);
                return gate;
            },
            GoLiveAudit.GoLiveCriterionAttested,
            cancellationToken,
            ProjectAction.ViewGoLiveGate,
            number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return outcome is Outcome<GoLiveGate>.Done ? new Outcome<GateCriterion>.Done(attested!) : outcome.Carry<GateCriterion>();
    }

    /// <summary>The scorecard as it stands now, for anyone on the project.</summary>
    public async Task<Outcome<GateView>> ScorecardAsync(
        TenantId tenant, PersonId person, ProjectCode code, CancellationToken cancellationToken)
    {
        var project = await projects.AuthorizedAsync(access, tenant, person, code, ProjectAction.ViewGoLiveGate, cancellationToken);
        if (project is not Outcome<Project>.Done done)
        {
            return project.Carry<GateView>();
        }

        if (await gates.GetAsync(tenant, code, cancellationToken) is not { } stored)
        {
            return new Outcome<GateView>.NotFound(Problem.NoGateYet(code));
        }

        return new Outcome<GateView>.Done(
            new GateView(done.Value, stored.Gate, Scorecard.Of(stored.Gate, await FactsAsync(tenant, done.Value, cancellationToken))));
    }

    /// <summary>The scorecard of a project whose viewer was already allowed to see it (the status card); null without a gate.</summary>
    public async Task<Scorecard?> ScorecardOfAsync(TenantId tenant, Project project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        return await gates.GetAsync(tenant, project.Code, cancellationToken) is { } stored
            ? Scorecard.Of(stored.Gate, await FactsAsync(tenant, project, cancellationToken))
            : null;
    }

    /// <summary>
    /// Keeps the checkpoint due today, if any (<see cref="GoLiveGate.DueCheckpoint"/>): the scorecard as it stands and
    /// the owners to remind. Saved with the gate's version, so of several hosts one keeps it; null when none was due,
    /// or another host kept it first.
    /// </summary>
    public async Task<Checkpoint?> KeepDueCheckpointAsync(VersionedGate stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (await projects.GetAsync(stored.Tenant, stored.Gate.Project, cancellationToken) is not { } read)
        {
            return null;
        }

        var today = ProjectCalendar.Today(clock, read.Project.TimeZone);
        if (stored.Gate.DueCheckpoint(today) is not { } days)
        {
            return null;
        }

        var scorecard = Scorecard.Of(stored.Gate, await FactsAsync(stored.Tenant, read.Project, cancellationToken));
        var kept = stored.Gate.Keep(days, scorecard, today);
        return await gates.SaveAsync(stored.Tenant, stored.Gate, stored.Version, cancellationToken) ? kept : null;
    }

    /// <summary>
    /// What the scorecard is computed from: the open risks; the latest closed ADKAR wave's share without a barrier,
    /// overall and per shown department (none when its figures are withheld); the latest closed check-in round's
    /// answers, "blocked" answers and training requests (none when withheld).
    /// </summary>
    public async Task<GateFacts> FactsAsync(TenantId tenant, Project project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        var now = clock.GetUtcNow();
        var open = (await risks.ListAsync(tenant, project.Code, cancellationToken)).Where(r => r.IsOpen).ToList();
        return new GateFacts(
            project,
            ProjectCalendar.Today(clock, project.TimeZone),
            open,
            await ReadinessAsync(tenant, project.Code, now, cancellationToken),
            await CheckInAsync(tenant, project.Code, now, cancellationToken));
    }

    private async Task<GateReadiness?> ReadinessAsync(
        TenantId tenant, ProjectCode code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var wave = (await rounds.LatestRoundsAsync(tenant, code, AdkarRounds.Kind, RoundsLookedAt, cancellationToken))
            .FirstOrDefault(w => now >= w.ClosesAt);
        if (wave is null)
        {
            return null;
        }

        var results = AdkarResults.From(wave, await rounds.AnswersAsync<AdkarAnswer>(tenant, wave, cancellationToken), now);
        if (results.Withheld is not null || results.AnsweredCount == 0)
        {
            return null;
        }

        return new GateReadiness(
            results.WaveName ?? results.WaveId,
            results.AnsweredCount,
            results.WithoutBarrier,
            [.. results.ByDepartment.Shown.Select(g => new DepartmentReadiness(g.Group, g.Respondents, g.WithoutBarrier))]);
    }

    private async Task<GateCheckIn?> CheckInAsync(
        TenantId tenant, ProjectCode code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var round = (await rounds.LatestRoundsAsync(tenant, code, CheckInRounds.Kind, RoundsLookedAt, cancellationToken))
            .FirstOrDefault(r => now >= r.ClosesAt);
        if (round is null)
        {
            return null;
        }

        var counted = round.Counted(await rounds.AnswersAsync<CheckInAnswer>(tenant, round, cancellationToken));
        return round.FiguresWithheld(counted.Count, now) is not null
            ? null
            : new GateCheckIn(
                round.Id,
                counted.Count,
                counted.Count(a => a.Answer.Status == CheckInStatus.Blocked),
                counted.Count(a => a.Answer.TrainingNeeded));
    }

    private Task<Outcome<GoLiveGate>> ChangeExistingAsync(
        TenantId tenant, PersonId person, ProjectCode code, Action<GoLiveGate, Project> change, CancellationToken cancellationToken) =>
        ChangeAsync(
            tenant,
            person,
            code,
            (gate, project, _) =>
            {
                if (gate is null)
                {
                    throw new DomainException(Problem.NoGateYet(code));
                }

                change(gate, project);
                return gate;
            },
            GoLiveAudit.GoLiveGateChanged,
            cancellationToken);

    // Reads the project and the gate, authorizes, applies the change and saves with the gate's version; a save
    // someone else got in first is re-read and re-applied once.
    private async Task<Outcome<GoLiveGate>> ChangeAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        Func<GoLiveGate?, Project, DateOnly, GoLiveGate> change,
        AuditKind kind,
        CancellationToken cancellationToken,
        ProjectAction action = ProjectAction.ManageGoLiveGate,
        string? subject = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var project = await projects.AuthorizedAsync(access, tenant, person, code, action, cancellationToken);
            if (project is not Outcome<Project>.Done done)
            {
                return project.Carry<GoLiveGate>();
            }

            var stored = await gates.GetAsync(tenant, code, cancellationToken);
            GoLiveGate gate;
            try
            {
                gate = change(stored?.Gate, done.Value, ProjectCalendar.Today(clock, done.Value.TimeZone));
            }
            catch (DomainException e)
            {
                return new Outcome<GoLiveGate>.Invalid(e.Problem);
            }

            if (await gates.SaveAsync(tenant, gate, stored?.Version, cancellationToken))
            {
                await audit.AppendAsync(tenant, AuditEntry.Now(clock, person, kind, code, subject), cancellationToken);
                return new Outcome<GoLiveGate>.Done(gate);
            }

            if (attempt >= Attempts)
            {
                return new Outcome<GoLiveGate>.Invalid(Problem.GateChangedMeanwhile());
            }
        }
    }
}
