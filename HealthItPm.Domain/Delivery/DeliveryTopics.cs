using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Delivery;

/// <summary>The topics the product's proactive cards are delivered under, so the report of a round or a risk can find them.</summary>
public static class DeliveryTopics
{
    // The check-in's topics (CheckInRounds.Kind), under the names its delivery records were stored with before other kinds
    // existed; named here as the pipeline's own tests send check-in cards. Other kinds declare theirs with their kind.
    public const string CheckInCard = "checkin.card";
    public const string CheckInReminder = "checkin.reminder";
    public const string CheckInSummary = "checkin.summary";

    public const string RiskNotice = "risk.notice";
    public const string ConcernReport = "concern.report";
    public const string ConcernOutcome = "concern.outcome";
    public const string Digest = "digest";

    /// <summary>A leader's weekly digest: keyed by the ISO week, so each leader gets one a week however often it is queued.</summary>
    public static DeliveryTopic DigestOf(IsoWeek week) => new(Digest, week.ToString());

    public static DeliveryTopic CheckIn(string kind, ProjectCode project, string roundId) => new(kind, $"{project.Value}|{roundId}");

    public static DeliveryTopic Notice(RiskId risk, int sequence) => new(RiskNotice, $"{risk}|{sequence}");

    public static DeliveryTopic Concern(ProjectCode project, int number) => new(ConcernReport, $"{project.Value}|{number}");

    /// <summary>The reporter is told how their concern was triaged (once: the concern is triaged once).</summary>
    public static DeliveryTopic OutcomeOf(ProjectCode project, int number) => new(ConcernOutcome, $"{project.Value}|{number}");
}
