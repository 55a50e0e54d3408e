using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Domain.Readiness;

/// <summary>An ADKAR change-readiness wave as a kind of round: its audit kinds, delivery topics, answer, free text and tally.</summary>
public static class AdkarRounds
{
    public static RoundKind<AdkarAnswer, WaveTally> Kind { get; } = new(
        name: "Adkar",
        started: AuditKind.SurveyStarted,
        answered: AuditKind.SurveyAnswered,
        topics: new RoundTopics("adkar.card", "adkar.reminder", "adkar.results"),
        freeText: [FreeText.Comment],
        tally: WaveTally.Of,
        seal: AdkarAnswer.Sealed);
}
