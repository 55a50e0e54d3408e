using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Domain.Readiness;

/// <summary>An ADKAR change-readiness wave as a kind of round: its audit kinds, delivery topics, answer, free text and tally.</summary>
public static class AdkarRounds
{
    public static AuditKind Started { get; } = new("SurveyStarted");

    public static AuditKind Answered { get; } = new("SurveyAnswered");

    /// <summary>The comment on a survey's card.</summary>
    public static FreeText Comment { get; } = new(nameof(Comment));

    /// <summary>The name a PM gives a wave when they send it.</summary>
    public static FreeText WaveName { get; } = new(nameof(WaveName));

    public static RoundKind<AdkarAnswer, WaveTally> Kind { get; } = new(
        name: "Adkar",
        started: Started,
        answered: Answered,
        topics: new RoundTopics("adkar.card", "adkar.reminder", "adkar.results"),
        freeText: [Comment],
        tally: WaveTally.Of,
        seal: AdkarAnswer.Sealed);
}
