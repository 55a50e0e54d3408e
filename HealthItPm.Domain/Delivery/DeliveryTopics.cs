using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Domain.Delivery;

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

    public string Of(RoundStep step) => step switch
    {
        RoundStep.Card => Card,
        RoundStep.Reminder => Reminder,
        RoundStep.End => End,
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };
}

/// <summary>The topics the product's proactive cards are delivered under, so the report of a round or a risk can find them.</summary>
public static class DeliveryTopics
{
    // The check-in's topics (CheckInRounds.Kind), under the names its delivery records were stored with before other kinds existed;
    // named here as the pipeline's own tests send check-in cards. Other kinds declare theirs with their kind.
    public const string CheckInCard = "checkin.card";
    public const string CheckInReminder = "checkin.reminder";
    public const string CheckInSummary = "checkin.summary";
    public const string RiskNotice = "risk.notice";
    public const string ConcernReport = "concern.report";
    public const string ConcernOutcome = "concern.outcome";
    public const string Digest = "digest";

    /// <summary>A leader's weekly digest: keyed by the ISO week, so each leader gets one a week however often it is queued.</summary>
    public static DeliveryTopic DigestOf(Common.IsoWeek week) => new(Digest, week.ToString());

    /// <summary>A step of one round: the kind's topic for the step, about the project's round.</summary>
    public static DeliveryTopic Round(RoundKind kind, RoundStep step, ProjectCode project, string roundId)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return new(kind.Topics.Of(step), $"{project.Value}|{roundId}");
    }

    public static DeliveryTopic CheckIn(string kind, ProjectCode project, string roundId) => new(kind, $"{project.Value}|{roundId}");

    public static DeliveryTopic Notice(RiskId risk, int sequence) => new(RiskNotice, $"{risk}|{sequence}");

    public static DeliveryTopic Concern(ProjectCode project, int number) => new(ConcernReport, $"{project.Value}|{number}");

    /// <summary>The reporter is told how their concern was triaged (once: the concern is triaged once).</summary>
    public static DeliveryTopic OutcomeOf(ProjectCode project, int number) => new(ConcernOutcome, $"{project.Value}|{number}");
}
