using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;

namespace HealthItPm.Domain.Rounds;

/// <summary>A round's three delivery steps, the same for every kind of round.</summary>
public enum RoundStep
{
    /// <summary>Each respondent's card when the round opens.</summary>
    Card,

    /// <summary>The one reminder.</summary>
    Reminder,

    /// <summary>The summary or results to the PMs when it closes.</summary>
    End,
}

/// <summary>The delivery topics of a round's steps, so the report of a round finds its cards.</summary>
public static class RoundTopics
{
    /// <summary>The delivery kind of a round step.</summary>
    public static string KindOf(RoundKind kind, RoundStep step) => (kind, step) switch
    {
        (RoundKind.CheckIn, RoundStep.Card) => DeliveryTopics.CheckInCard,
        (RoundKind.CheckIn, RoundStep.Reminder) => DeliveryTopics.CheckInReminder,
        (RoundKind.CheckIn, _) => DeliveryTopics.CheckInSummary,
        (_, RoundStep.Card) => DeliveryTopics.AdkarCard,
        (_, RoundStep.Reminder) => DeliveryTopics.AdkarReminder,
        _ => DeliveryTopics.AdkarResults,
    };

    public static DeliveryTopic Of(RoundKind kind, RoundStep step, ProjectCode project, string roundId) =>
        new(KindOf(kind, step), $"{project.Value}|{roundId}");
}
