using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Domain.GoLive;

/// <summary>A department's answers in the latest closed readiness wave (only departments the results show).</summary>
public sealed record DepartmentReadiness(string? Department, int Respondents, int WithoutBarrier)
{
    public decimal Share => Respondents == 0 ? 0 : (decimal)WithoutBarrier / Respondents;
}

/// <summary>The latest closed ADKAR wave's figures the gate reads; null when no wave has closed with figures shown.</summary>
public sealed record GateReadiness(string Wave, int Respondents, int WithoutBarrier, IReadOnlyList<DepartmentReadiness> Departments)
{
    public decimal Share => Respondents == 0 ? 0 : (decimal)WithoutBarrier / Respondents;
}

/// <summary>
/// The latest closed check-in round's figures the gate reads: answers, "blocked" answers, and people whose answer
/// asks for training. Null when no round has closed, or when its figures are withheld (an anonymous round).
/// </summary>
public sealed record GateCheckIn(string RoundId, int Answered, int Blocked, int TrainingRequests);

/// <summary>What a scorecard is computed from: the project, today in its time zone, its open risks, readiness and check-ins.</summary>
public sealed record GateFacts(
    Project Project, DateOnly Today, IReadOnlyList<Risk> OpenRisks, GateReadiness? Readiness, GateCheckIn? CheckIn);

/// <summary>Why a criterion's state is not known.</summary>
public enum UnknownWhy
{
    NotAttested,
    Stale,
    NoClosedWave,
    NoClosedCheckIn,
    NoAnswers,
    NoMilestones,
    NoSuchMilestone,
    NoSuchKpi,
    NoMeasurement,
}

/// <summary>A department below the readiness threshold, with its share.</summary>
public sealed record DepartmentBelow(string? Department, decimal Share);

/// <summary>
/// One criterion on the scorecard: its state, the figure it was computed to (a share, a count, milestones done) or
/// why it is not known, the departments below a readiness threshold, and a stale attestation still shown.
/// </summary>
public sealed record CriterionResult(
    GateCriterion Criterion,
    CriterionState State,
    decimal? Figure = null,
    int? OutOf = null,
    UnknownWhy? Why = null,
    IReadOnlyList<DepartmentBelow>? Below = null);

/// <summary>An open critical item on the scorecard: a critical risk, or a patient-safety risk not acknowledged or not mitigated.</summary>
public sealed record CriticalItem(RiskId Risk, string Title, RiskBand Band, RiskCategory Category);

/// <summary>
/// A gate's scorecard on a day: the date and days to go, every criterion's result, the open critical items, the
/// recommendation with its conditions (the shoulds not met) or blockers (the musts not met), and the trend.
/// </summary>
public sealed record Scorecard(
    ProjectCode Project,
    DateOnly Date,
    int DaysToGo,
    IReadOnlyList<CriterionResult> Criteria,
    IReadOnlyList<CriticalItem> CriticalItems,
    Recommendation Recommendation,
    IReadOnlyList<CriterionResult> Blockers,
    IReadOnlyList<CriterionResult> Conditions,
    IReadOnlyList<Checkpoint> Trend)
{
    public int Met => Criteria.Count(c => c.State == CriterionState.Met);

    /// <summary>The owners of criteria not met, each once, in criterion order: whom a checkpoint reminds.</summary>
    public IReadOnlyList<PersonId> OwnersToRemind =>
        [.. Criteria.Where(c => c.State != CriterionState.Met).Select(c => c.Criterion.Owner).Distinct()];

    /// <summary>
    /// The rule: any must not met (at risk, not met or not known) → no-go; else any should not met → go with
    /// conditions (those shoulds); else go.
    /// </summary>
    public static Recommendation Recommend(IEnumerable<CriterionResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var unmet = results.Where(r => r.State != CriterionState.Met).ToList();
        return unmet.Any(r => r.Criterion.Importance == Importance.Must) ? Recommendation.NoGo
            : unmet.Count > 0 ? Recommendation.GoWithConditions
            : Recommendation.Go;
    }

    public static Scorecard Of(GoLiveGate gate, GateFacts facts)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(facts);
        var results = gate.Criteria.Select(c => Judge(c, gate, facts)).ToList();
        var unmet = results.Where(r => r.State != CriterionState.Met).ToList();
        return new Scorecard(
            gate.Project,
            gate.Date,
            gate.Date.DayNumber - facts.Today.DayNumber,
            results,
            [.. facts.OpenRisks.Where(r => r.IsOpen && (r.Rating.Band == RiskBand.Critical || Unhandled(r)))
                .OrderByDescending(r => r.Rating.Score)
                .Select(r => new CriticalItem(r.Id, r.Title, r.Rating.Band, r.Category))],
            Recommend(results),
            [.. unmet.Where(r => r.Criterion.Importance == Importance.Must)],
            [.. unmet.Where(r => r.Criterion.Importance == Importance.Should)],
            gate.Checkpoints);
    }

    /// <summary>One criterion's result from the facts (the rules of docs/go-live-gate.md).</summary>
    public static CriterionResult Judge(GateCriterion criterion, GoLiveGate gate, GateFacts facts)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(facts);
        return criterion.Measure switch
        {
            null => Attested(criterion, facts.Today),
            Measure.ReadinessWithoutBarrier => Readiness(criterion, facts.Readiness),
            Measure.OpenCriticalRisks => AtMost(
                criterion, facts.OpenRisks.Count(r => r.IsOpen && r.Rating.Band == RiskBand.Critical)),
            Measure.PatientSafetyRisksUnhandled => AtMost(criterion with { Threshold = 0 }, facts.OpenRisks.Count(Unhandled)),
            Measure.CheckInBlockedShare => facts.CheckIn switch
            {
                null => Unknown(criterion, UnknownWhy.NoClosedCheckIn),
                { Answered: 0 } => Unknown(criterion, UnknownWhy.NoAnswers),
                var c => AtMost(criterion, (decimal)c.Blocked / c.Answered),
            },
            Measure.TrainingRequestsOpen => facts.CheckIn switch
            {
                null => Unknown(criterion, UnknownWhy.NoClosedCheckIn),
                { Answered: 0 } => Unknown(criterion, UnknownWhy.NoAnswers),
                var c => AtMost(criterion, c.TrainingRequests),
            },
            Measure.MilestonesDone => Milestones(criterion, gate, facts.Project),
            Measure.KpiAtOrPast => Kpi(criterion, facts.Project),
            _ => throw new ArgumentOutOfRangeException(nameof(criterion)),
        };
    }

    /// <summary>An open patient-safety risk no leader acknowledged, or without a mitigation.</summary>
    public static bool Unhandled(Risk risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return risk.IsOpen && risk.Category == RiskCategory.PatientSafety && (risk.Acknowledged is null || risk.Mitigation is null);
    }

    private static CriterionResult Attested(GateCriterion criterion, DateOnly today)
    {
        if (criterion.Attestation is not { } a)
        {
            return Unknown(criterion, UnknownWhy.NotAttested);
        }

        if (today.DayNumber - a.On.DayNumber > criterion.StaleAfterDays)
        {
            return Unknown(criterion, UnknownWhy.Stale);
        }

        return new CriterionResult(criterion, a.State switch
        {
            AttestedState.Met => CriterionState.Met,
            AttestedState.AtRisk => CriterionState.AtRisk,
            _ => CriterionState.NotMet,
        });
    }

    private static CriterionResult Readiness(GateCriterion criterion, GateReadiness? readiness)
    {
        if (readiness is null || readiness.Respondents == 0)
        {
            return Unknown(criterion, UnknownWhy.NoClosedWave);
        }

        var threshold = criterion.Threshold ?? 0;
        var below = readiness.Departments
            .Where(d => d.Respondents > 0 && d.Share < threshold)
            .Select(d => new DepartmentBelow(d.Department, d.Share))
            .ToList();
        var met = readiness.Share >= threshold && below.Count == 0;
        return new CriterionResult(criterion, met ? CriterionState.Met : CriterionState.NotMet, readiness.Share, Below: below);
    }

    private static CriterionResult AtMost(GateCriterion criterion, decimal figure) =>
        new(criterion, figure <= (criterion.Threshold ?? 0) ? CriterionState.Met : CriterionState.NotMet, figure);

    private static CriterionResult Milestones(GateCriterion criterion, GoLiveGate gate, Project project)
    {
        List<Milestone> named;
        if (criterion.SubjectNames is { Count: > 0 } names)
        {
            named = [];
            foreach (var name in names)
            {
                var m = project.Milestones.FirstOrDefault(m => string.Equals(m.Name.Value, name, StringComparison.OrdinalIgnoreCase));
                if (m is null)
                {
                    return Unknown(criterion, UnknownWhy.NoSuchMilestone);
                }

                named.Add(m);
            }
        }
        else
        {
            named = [.. project.Milestones.Where(m => m.PlannedDate <= gate.Date)];
        }

        if (named.Count == 0)
        {
            return Unknown(criterion, UnknownWhy.NoMilestones);
        }

        var done = named.Count(m => m.IsDone);
        return new CriterionResult(criterion, done == named.Count ? CriterionState.Met : CriterionState.NotMet, done, named.Count);
    }

    private static CriterionResult Kpi(GateCriterion criterion, Project project)
    {
        var name = criterion.Subject?.Value;
        if (project.Kpis.FirstOrDefault(k => string.Equals(k.Name.Value, name, StringComparison.OrdinalIgnoreCase)) is not { } kpi)
        {
            return Unknown(criterion, UnknownWhy.NoSuchKpi);
        }

        if (kpi.Latest is not { } latest)
        {
            return Unknown(criterion, UnknownWhy.NoMeasurement);
        }

        var threshold = criterion.Threshold ?? kpi.Target;
        var met = kpi.Direction == KpiDirection.LowerIsBetter ? latest.Value <= threshold : latest.Value >= threshold;
        return new CriterionResult(criterion, met ? CriterionState.Met : CriterionState.NotMet, latest.Value);
    }

    private static CriterionResult Unknown(GateCriterion criterion, UnknownWhy why) => new(criterion, CriterionState.Unknown, Why: why);
}
