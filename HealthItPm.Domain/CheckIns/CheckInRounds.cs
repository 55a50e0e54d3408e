using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Domain.CheckIns;

/// <summary>The weekly check-in as a kind of round: its audit kinds, delivery topics, answer, free text and tally.</summary>
public static class CheckInRounds
{
    public static RoundKind<CheckInAnswer, CheckInTally> Kind { get; } = new(
        name: "CheckIn",
        started: AuditKind.CheckInStarted,
        answered: AuditKind.CheckInAnswered,
        topics: new RoundTopics(DeliveryTopics.CheckInCard, DeliveryTopics.CheckInReminder, DeliveryTopics.CheckInSummary),
        freeText: [FreeText.Blockers],
        tally: (_, counted) => CheckInTally.Of(counted),
        seal: CheckInAnswer.Sealed);
}
