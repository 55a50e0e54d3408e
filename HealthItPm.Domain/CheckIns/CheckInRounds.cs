using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Domain.CheckIns;

/// <summary>The weekly check-in as a kind of round: its audit kinds, delivery topics, answer, free text and tally.</summary>
public static class CheckInRounds
{
    public static AuditKind Started { get; } = new("CheckInStarted");

    public static AuditKind Answered { get; } = new("CheckInAnswered");

    public static AuditKind Scheduled { get; } = new("CheckInScheduled");

    public static AuditKind Stopped { get; } = new("CheckInStopped");

    /// <summary>What is blocking the person, typed on the card.</summary>
    public static FreeText Blockers { get; } = new(nameof(Blockers));

    public static RoundKind<CheckInAnswer, CheckInTally> Kind { get; } = new(
        name: "CheckIn",
        started: Started,
        answered: Answered,
        topics: new RoundTopics(DeliveryTopics.CheckInCard, DeliveryTopics.CheckInReminder, DeliveryTopics.CheckInSummary),
        freeText: [Blockers],
        tally: (_, counted) => CheckInTally.Of(counted),
        seal: CheckInAnswer.Sealed);
}
