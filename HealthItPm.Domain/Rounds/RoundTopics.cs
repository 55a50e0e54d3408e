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

/// <summary>
/// A kind of round's delivery topics, one per step: each kind has its own, so the report of a round finds its cards and
/// a queued step is composed by its own kind (<see cref="RoundKind.Topics"/>).
/// </summary>
public sealed record RoundTopics(string Card, string Reminder, string End)
{
    public IReadOnlyList<string> All => [Card, Reminder, End];

    /// <summary>The delivery kind of a step of the kind's rounds.</summary>
    public string KindOf(RoundStep step) => step switch
    {
        RoundStep.Card => Card,
        RoundStep.Reminder => Reminder,
        RoundStep.End => End,
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    /// <summary>A step of one round of the kind: the kind's topic for the step, about the project's round.</summary>
    public DeliveryTopic Of(RoundStep step, ProjectCode project, string roundId) => new(KindOf(step), $"{project.Value}|{roundId}");
}
