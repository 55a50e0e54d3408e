using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Privacy;
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

    /// <summary>An anonymous round whose share is withheld: too few answered for any figure to be shown.</summary>
    NotShown,
}

/// <summary>The check-in section of a project: response rate (null when nobody was asked) and trend.</summary>
public sealed record CheckInLine(int Audience, int Answered, decimal? ResponseRate, CheckInTrend Trend);

public sealed record DueMilestone(string Name, DateOnly Planned, int DaysLate);

/// <summary>
/// Someone the digest names, by their display name as the project knows them; <see cref="Name"/> is null once they are no longer on the
/// project.
/// </summary>
public sealed record DigestPerson(PersonId Id, string? Name);

/// <summary>What an open high or critical risk waits for.</summary>
public enum DigestWait
{
    /// <summary>An owner: nobody owns it yet, so it waits on nobody.</summary>
    Owner,

    /// <summary>Its owner's mitigation.</summary>
    Mitigation,

    /// <summary>The leader at its level of the escalation chain, to acknowledge it.</summary>
    Acknowledgement,
}

/// <summary>
/// An open high or critical risk, whom it waits on (null when it waits for an owner) and for what; its
/// <see cref="EscalationLevel"/> is the level of the chain it reached (0 if never escalated).
/// </summary>
public sealed record DigestRisk(
    RiskId Id,
    string Title,
    RiskRating Rating,
    RiskStatus Status,
    bool Acknowledged,
    int EscalationLevel,
    DigestPerson? WaitingOn,
    DigestWait WaitingFor);

/// <summary>A KPI against its target; <see cref="Progress"/> is undefined (and says why) before a measurement.</summary>
public sealed record DigestKpi(string Name, string Unit, decimal? Latest, decimal Target, Ratio Progress);

/// <summary>A criterion whose state changed since last week's digest (<paramref name="Before"/> null: it was not on the gate).</summary>
public sealed record GateMove(GateCriterion Criterion, CriterionState? Before, CriterionState After);

/// <summary>
/// A project's go-live gate in the digest: the recommendation and days to go, the criteria whose state changed since last
/// week (null: no record of last week's states), and the panel's last decision (when, and what), if any.
/// </summary>
public sealed record GateLine(
    Recommendation Recommendation,
    int DaysToGo,
    IReadOnlyList<GateMove>? Changed,
    VoteChoice? LastDecision,
    DateTimeOffset? DecidedAt);

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
    IReadOnlyList<DigestKpi> Kpis,
    GateLine? Gate = null);

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

/// <summary>
/// One thing that changed in the week, read from stored history: a kind (one record per shape) and the
/// values its sentence names, never a sentence. The bot words it in the reader's language. <see cref="At"/>
/// is when it happened; null for what is known by the day (a milestone) or against last week's snapshot (RAG).
/// </summary>
public abstract record DigestChange
{
    private DigestChange(ProjectCode project, DigestChangeKind kind, DateTimeOffset? at) => (Project, Kind, At) = (project, kind, at);

    public ProjectCode Project { get; }

    public DigestChangeKind Kind { get; }

    public DateTimeOffset? At { get; }

    /// <summary>The project's status moved since the snapshot stored with last week's digest.</summary>
    public sealed record RagChanged(
        ProjectCode Project,
        DigestRag Before,
        DigestRag After) : DigestChange(Project, DigestChangeKind.RagChanged, null);

    /// <summary>A risk was logged, rated as it was then (null: the rating was not recorded).</summary>
    public sealed record RiskLogged(
        RiskId Risk,
        GuardedText Title,
        DateTimeOffset? At,
        RiskRating? Rating) : DigestChange(Risk.Project, DigestChangeKind.RiskLogged, At);

    /// <summary>A risk was escalated to <paramref name="Level"/> of the chain.</summary>
    /// <summary><paramref name="To"/>: the leader at that level of the chain now; null when nobody is.</summary>
    public sealed record RiskEscalated(RiskId Risk, GuardedText Title, DateTimeOffset? At, int? Level, DigestPerson? To = null)
        : DigestChange(Risk.Project, DigestChangeKind.RiskEscalated, At);

    /// <summary>A leader acknowledged a risk (<paramref name="By"/> null: who was not recorded).</summary>
    public sealed record RiskAcknowledged(
        RiskId Risk,
        GuardedText Title,
        DateTimeOffset? At,
        DigestPerson? By) : DigestChange(Risk.Project, DigestChangeKind.RiskAcknowledged, At);

    /// <summary>A risk was accepted (<paramref name="By"/> null: who was not recorded).</summary>
    public sealed record RiskAccepted(
        RiskId Risk,
        GuardedText Title,
        DateTimeOffset? At,
        DigestPerson? By) : DigestChange(Risk.Project, DigestChangeKind.RiskAccepted, At);

    /// <summary>A risk was closed (<paramref name="By"/> null: who was not recorded).</summary>
    public sealed record RiskClosed(
        RiskId Risk,
        GuardedText Title,
        DateTimeOffset? At,
        DigestPerson? By) : DigestChange(Risk.Project, DigestChangeKind.RiskClosed, At);

    /// <summary>A milestone was done in the week, <see cref="DaysLate"/> after its planned date (0 or less: on time).</summary>
    public sealed record MilestoneCompleted(
        ProjectCode Project,
        GuardedText Milestone,
        DateOnly Planned,
        DateOnly Done) : DigestChange(Project, DigestChangeKind.MilestoneCompleted, null)
    {
        public int DaysLate => Done.DayNumber - Planned.DayNumber;
    }

    /// <summary>A milestone's planned date passed in the week while it was open.</summary>
    public sealed record MilestoneSlipped(
        ProjectCode Project,
        GuardedText Milestone,
        DateOnly Planned) : DigestChange(Project, DigestChangeKind.MilestoneSlipped, null);

    /// <summary>
    /// A readiness wave closed in the week: the first one (<see cref="ReadinessInput.Previous"/> null), or one that moved against the wave
    /// before it.
    /// </summary>
    public sealed record ReadinessMoved(
        ProjectCode Project,
        ReadinessInput Wave) : DigestChange(Project, DigestChangeKind.ReadinessMoved, Wave.ClosedAt);
}

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
