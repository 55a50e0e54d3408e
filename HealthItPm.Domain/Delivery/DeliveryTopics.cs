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

/// <summary>The topics the product's proactive cards are delivered under, so the report of a round or a risk can find them.</summary>
public static class DeliveryTopics
{
    // Check-in kinds keep the names delivery records and queued work were stored under before waves existed.
    public const string CheckInCard = "checkin.card";
    public const string CheckInReminder = "checkin.reminder";
    public const string CheckInSummary = "checkin.summary";
    public const string AdkarCard = "adkar.card";
    public const string AdkarReminder = "adkar.reminder";
    public const string AdkarResults = "adkar.results";
    public const string RiskNotice = "risk.notice";
    public const string ConcernReport = "concern.report";
    public const string ConcernOutcome = "concern.outcome";
    public const string Digest = "digest";

    /// <summary>A leader's weekly digest: keyed by the ISO week, so each leader gets one a week however often it is queued.</summary>
    public static DeliveryTopic DigestOf(Common.IsoWeek week) => new(Digest, week.ToString());

    /// <summary>The delivery kind of a round step.</summary>
    public static string KindOf(RoundKind kind, RoundStep step) => (kind, step) switch
    {
        (RoundKind.CheckIn, RoundStep.Card) => CheckInCard,
        (RoundKind.CheckIn, RoundStep.Reminder) => CheckInReminder,
        (RoundKind.CheckIn, _) => CheckInSummary,
        (_, RoundStep.Card) => AdkarCard,
        (_, RoundStep.Reminder) => AdkarReminder,
        _ => AdkarResults,
    };

    public static DeliveryTopic Round(RoundKind kind, RoundStep step, ProjectCode project, string roundId) => new(KindOf(kind, step), $"{project.Value}|{roundId}");

    public static DeliveryTopic CheckIn(string kind, ProjectCode project, string roundId) => new(kind, $"{project.Value}|{roundId}");

    public static DeliveryTopic Notice(RiskId risk, int sequence) => new(RiskNotice, $"{risk}|{sequence}");

    public static DeliveryTopic Concern(ProjectCode project, int number) => new(ConcernReport, $"{project.Value}|{number}");

    /// <summary>The reporter is told how their concern was triaged (once: the concern is triaged once).</summary>
    public static DeliveryTopic OutcomeOf(ProjectCode project, int number) => new(ConcernOutcome, $"{project.Value}|{number}");
}
