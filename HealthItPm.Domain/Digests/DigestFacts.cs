using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Domain.Digests;

/// <summary>
/// The latest check-in round of a project as the digest reads it: how many were asked, how many
/// answered, and the share that said "blocked" in it and in the round before (null when nobody answered,
/// or there was no round before). Read through <see cref="ICheckInPulse"/>, so the digest does not
/// depend on how check-ins are stored.
/// </summary>
public sealed record CheckInPulse(string RoundId, int Audience, int Answered, decimal? BlockedShare, decimal? PreviousBlockedShare);

/// <summary>
/// The project's latest closed change-readiness (ADKAR) wave as the digest shows it: the wave's name, when
/// it closed, the share of people with no barrier, the dominant barrier (null when there is none), and
/// the closed wave before it (null for the first wave). Null on a project that has run no readiness survey.
/// </summary>
public sealed record ReadinessInput(
    string Wave,
    DateTimeOffset ClosedAt,
    decimal? ShareWithoutBarrier,
    AdkarElement? DominantBarrier,
    ReadinessInput? Previous)
{
    /// <summary>How the share without a barrier moved since the previous wave; null for the first wave.</summary>
    public decimal? ChangeSincePreviousWave => ShareWithoutBarrier - Previous?.ShareWithoutBarrier;
}

/// <summary>
/// What the digest keeps of a project each week, so next week's digest can say whether its RAG changed
/// without guessing: the RAG it showed (null when there was not enough data) and, for a project with a go-live
/// gate, each criterion's state then (null without a gate). Written once per project per ISO week, by the first
/// digest composed that week.
/// </summary>
public sealed record ProjectWeekSnapshot(ProjectCode Project, IsoWeek Week, Rag? Rag, IReadOnlyList<KeptCriterion>? Gate = null);

/// <summary>A project's go-live gate as the digest reads it: its scorecard now and the panel's last decision, if any.</summary>
public sealed record GateFactsForDigest(Scorecard Scorecard, VoteChoice? LastDecision, DateTimeOffset? DecidedAt);

/// <summary>
/// Everything stored about one project that its section of the digest is computed from. <see cref="Risks"/>
/// holds the open risks and those changed since the previous digest, not the whole register.
/// </summary>
public sealed record DigestProjectFacts(
    Project Project,
    IReadOnlyList<Risk> Risks,
    CheckInPulse? CheckIns,
    ReadinessInput? Readiness,
    ProjectWeekSnapshot? LastWeek,
    GateFactsForDigest? Gate = null);
