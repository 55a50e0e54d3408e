using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Domain.Digests;

/// <summary>A project's status as the digest counts it: <see cref="Unknown"/> while there is not enough data to judge.</summary>
public enum DigestRag
{
    Red,
    Amber,
    Unknown,
    Green,
}

/// <summary>Which way the share of people blocked moved between the last two check-in rounds.</summary>
public enum CheckInTrend
{
    FirstRound,
    Improving,
    Steady,
    Worsening,
    NoAnswers,
}

/// <summary>The check-in section of a project: response rate (null when nobody was asked) and trend.</summary>
public sealed record CheckInLine(int Audience, int Answered, decimal? ResponseRate, CheckInTrend Trend);

public sealed record DueMilestone(string Name, DateOnly Planned, int DaysLate);

/// <summary>An open high or critical risk and who it waits on (null: nobody, e.g. no owner yet).</summary>
public sealed record DigestRisk(RiskId Id, string Title, RiskRating Rating, RiskStatus Status, bool Acknowledged, string? WaitingOn, string WaitingFor);

/// <summary>A KPI against its target; <see cref="Progress"/> is undefined (and says why) before a measurement.</summary>
public sealed record DigestKpi(string Name, string Unit, decimal? Latest, decimal Target, Ratio Progress);

/// <summary>One project's section of the digest.</summary>
public sealed record ProjectDigest(
    ProjectCode Code,
    string Name,
    ProjectPhase Phase,
    DigestRag Rag,
    IReadOnlyList<RagReason> Reasons,
    DateOnly GoLive,
    int DaysToGoLive,
    Ratio Spi,
    Ratio Cpi,
    IReadOnlyList<DueMilestone> DueSoon,
    IReadOnlyList<DueMilestone> Missed,
    CheckInLine? CheckIns,
    ReadinessInput? Readiness,
    IReadOnlyList<DigestRisk> Risks,
    IReadOnlyList<DigestKpi> Kpis);

public enum DigestChangeKind
{
    RagChanged,
    RiskLogged,
    RiskEscalated,
    RiskAcknowledged,
    RiskAccepted,
    RiskClosed,
    MilestoneCompleted,
    MilestoneSlipped,
    ReadinessMoved,
}

/// <summary>One thing that changed in the week, read from stored history; <see cref="Text"/> says it in words.</summary>
public sealed record DigestChange(ProjectCode Project, DigestChangeKind Kind, DateTimeOffset? At, string Text);

/// <summary>
/// The weekly digest for one leader: projects by status (most urgent first), each project's section,
/// what changed in the week before <see cref="ComposedAt"/>, and the week's snapshots to store (so next
/// week's digest can compare). <see cref="RagChangesKnown"/> is false when no snapshot of last week exists
/// for some project, so the card can say those changes are not known rather than claim none.
/// </summary>
public sealed record PortfolioDigest(
    IsoWeek Week,
    DateTimeOffset ComposedAt,
    IReadOnlyDictionary<DigestRag, int> ByRag,
    IReadOnlyList<ProjectDigest> Projects,
    IReadOnlyList<DigestChange> Changes,
    IReadOnlyList<ProjectCode> NoRecordOfLastWeek,
    IReadOnlyList<ProjectWeekSnapshot> Snapshots)
{
    public bool RagChangesKnown => NoRecordOfLastWeek.Count == 0;
}
