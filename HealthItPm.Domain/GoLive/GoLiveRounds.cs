using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Domain.GoLive;

/// <summary>
/// The panel's go/no-go vote as a kind of round: attributed, one vote per person, changeable until it closes, at its deadline
/// or as soon as everyone on the panel still on the project has voted.
/// </summary>
public static class GoLiveRounds
{
    public static AuditKind Started { get; } = new("GoLiveVoteStarted");

    public static AuditKind Answered { get; } = new("GoLiveVoteAnswered");

    public static FreeText Conditions { get; } = new("GoLiveVoteConditions");

    public static FreeText Reason { get; } = new("GoLiveVoteReason");

    public static RoundKind<GoLiveVote, GoLiveTally> Kind { get; } = new(
        name: "GoLive",
        started: Started,
        answered: Answered,
        topics: new RoundTopics("golive.card", "golive.reminder", "golive.end"),
        freeText: [Conditions, Reason],
        tally: GoLiveTally.Of,
        seal: GoLiveVote.Sealed,
        endToAudience: true,
        closesWhenAllAnswered: true,
        answersKeptUntilClosed: true,
        oneAtATime: open => Problem.VoteAlreadyOpen(open.Project, open.ClosesAt));
}
