using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;

namespace HealthItPm.Domain.GoLive;

/// <summary>The groups of a go-live checklist, as hospitals' go/no-go scorecards group their criteria.</summary>
public enum GateGroup
{
    WorkflowValidation,
    Interfaces,
    Training,
    SuperUsers,
    Downtime,
    CommandCenter,
    DataConversion,
    Security,
    Readiness,
    Risks,
    Outcomes,
}

/// <summary>A must unmet (or not known) means no-go; a should unmet means go with conditions.</summary>
public enum Importance
{
    Must,
    Should,
}

/// <summary>
/// What HealthItPm computes a criterion from, with what its threshold means (the rules are in docs/go-live-gate.md).
/// </summary>
public enum Measure
{
    /// <summary>
    /// Share without an ADKAR barrier in the latest closed wave, overall and in every shown department: at least the threshold.
    /// </summary>
    ReadinessWithoutBarrier,

    /// <summary>Open risks scored critical (15–25): at most the threshold.</summary>
    OpenCriticalRisks,

    /// <summary>Open patient-safety risks without a leader's acknowledgement or without a mitigation: none.</summary>
    PatientSafetyRisksUnhandled,

    /// <summary>Share answering "blocked" in the latest closed check-in round: at most the threshold.</summary>
    CheckInBlockedShare,

    /// <summary>The named milestones (or, none named, every milestone planned by the gate's date) done.</summary>
    MilestonesDone,

    /// <summary>People whose answer in the latest closed check-in round still asks for training: at most the threshold.</summary>
    TrainingRequestsOpen,

    /// <summary>The named KPI's latest measurement at or past the threshold, in the KPI's direction.</summary>
    KpiAtOrPast,
}

/// <summary>What an owner attests: met, at risk, or not met.</summary>
public enum AttestedState
{
    Met,
    AtRisk,
    NotMet,
}

/// <summary>An owner's word on an attested criterion: the state, the evidence (PHI-guarded), the date, who.</summary>
public sealed record Attestation(AttestedState State, GuardedText Evidence, DateOnly On, PersonId By)
{
    public const int MaxEvidenceLength = 300;
}

/// <summary>
/// One criterion of a gate. <paramref name="TemplateKey"/>: the template item it came from (the bot words its name);
/// <paramref name="Name"/>: the PM's name for it, when they gave one. Computed when <paramref name="Measure"/> is set
/// (with <paramref name="Threshold"/> and, for milestones and KPIs, <paramref name="Subject"/>), otherwise attested by
/// its owner, whose attestation counts for <paramref name="StaleAfterDays"/> days.
/// </summary>
public sealed record GateCriterion(
    int Number,
    GateGroup Group,
    string? TemplateKey,
    GuardedText? Name,
    Importance Importance,
    PersonId Owner,
    Measure? Measure,
    decimal? Threshold,
    GuardedText? Subject,
    int StaleAfterDays,
    Attestation? Attestation)
{
    public const int MaxNameLength = 80;
    public const int MaxSubjectLength = 200;
    public const int DefaultStaleAfterDays = 14;
    public const int MaxStaleAfterDays = 365;

    public bool IsComputed => Measure is not null;

    /// <summary>The threshold a measure takes unless the PM sets another.</summary>
    public static decimal? DefaultThreshold(Measure measure) => measure switch
    {
        GoLive.Measure.ReadinessWithoutBarrier => 0.80m,
        GoLive.Measure.OpenCriticalRisks => 0m,
        GoLive.Measure.CheckInBlockedShare => 0.10m,
        GoLive.Measure.TrainingRequestsOpen => 0m,
        _ => null,
    };

    /// <summary>Whether the measure takes a threshold the PM may edit (KPIs take the value to reach).</summary>
    public static bool HasThreshold(Measure measure) =>
        measure is not (GoLive.Measure.PatientSafetyRisksUnhandled or GoLive.Measure.MilestonesDone);

    /// <summary>The names in <see cref="Subject"/>, separated by commas or semicolons.</summary>
    public IReadOnlyList<string> SubjectNames =>
        Subject is null ? [] : [.. Subject.Value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
