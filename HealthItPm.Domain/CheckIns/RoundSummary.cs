using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Domain.CheckIns;

/// <summary>A blocker as reported: attributed, unless the round is anonymous.</summary>
public sealed record ReportedBlocker(string? Who, Privacy.GuardedText Text);

/// <summary>
/// Response rate, share blocked and average impact of a round, for trends; labelled by the day the round opened,
/// never by its id. The share and the impact are null when an anonymous round's figures are withheld.
/// </summary>
public sealed record RoundTrendPoint(DateTimeOffset OpenedAt, decimal ResponseRate, decimal? BlockedShare, decimal? AverageImpact);

/// <summary>
/// How a round's cards went out: sent, still pending (not yet tried, or waiting to be retried), and
/// by name those Teams cannot reach and those given up on.
/// </summary>
public sealed record RoundDelivery(int Sent, int Pending, IReadOnlyList<string> Unreachable, IReadOnlyList<string> NotDelivered);

/// <summary>
/// What the PM sees of a round: response rate, status distribution, average impact, blockers,
/// training requests, who could not be reached, and the trend over the previous rounds.
/// </summary>
public sealed record RoundSummary(
    string RoundId,
    DateTimeOffset OpenedAt,
    bool Open,
    int AudienceCount,
    int AnsweredCount,
    IReadOnlyDictionary<CheckInStatus, int> Distribution,
    decimal? AverageImpact,
    IReadOnlyList<ReportedBlocker> Blockers,
    IReadOnlyList<string?> TrainingRequests,
    RoundDelivery Delivery,
    IReadOnlyList<RoundTrendPoint> Trend,
    ResultsWithheld? Withheld = null)
{
    public decimal ResponseRate => AudienceCount == 0 ? 0 : (decimal)AnsweredCount / AudienceCount;

    public RoundTrendPoint Point => new(
        OpenedAt,
        ResponseRate,
        Withheld is not null ? null : AnsweredCount == 0 ? 0 : (decimal)Distribution[CheckInStatus.Blocked] / AnsweredCount,
        AverageImpact);

    /// <summary>Summarises a round; the trend is the earlier rounds' points (oldest first) plus this one.</summary>
    public static RoundSummary From(
        Round round,
        IReadOnlyList<GivenAnswer<CheckInAnswer>> answers,
        IReadOnlyList<DeliveryRecord> cards,
        IReadOnlyList<RoundTrendPoint> previous,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(previous);
        var all = round.Counted(answers);
        string? Who(RespondentKey respondent) => round.Anonymous ? null : round.RespondentOf(respondent)!.Name;

        // An anonymous round shows its number of answers and nothing else until the rule allows (Round.FiguresWithheld).
        var withheld = round.FiguresWithheld(all.Count, now);
        var counted = withheld is null ? all : [];

        var summary = new RoundSummary(
            round.Id,
            round.OpensAt,
            round.IsOpen(now),
            round.Audience.Count,
            all.Count,
            Enum.GetValues<CheckInStatus>().ToDictionary(s => s, s => counted.Count(a => a.Answer.Status == s)),
            counted.Any(a => a.Answer.Impact is not null)
                ? decimal.Round((decimal)counted.Where(a => a.Answer.Impact is not null).Average(a => a.Answer.Impact!.Value.Value), 1)
                : null,
            [.. Ordered(round, counted.Where(a => a.Answer.Blockers is not null))
                .Select(a => new ReportedBlocker(Who(a.Respondent), a.Answer.Blockers!))],
            [.. counted.Where(a => a.Answer.TrainingNeeded).Select(a => Who(a.Respondent))],
            DeliveryOf(round, cards),
            [],
            withheld);
        return summary with { Trend = [.. previous, summary.Point] };
    }

    // Attributed blockers read in the order given; an anonymous round's by their words, since the order in which they
    // came would tell whose each is to someone who saw when a person answered.
    private static IEnumerable<GivenAnswer<CheckInAnswer>> Ordered(Round round, IEnumerable<GivenAnswer<CheckInAnswer>> answers) =>
        round.Anonymous ? answers.OrderBy(a => a.Answer.Blockers!.Value, StringComparer.Ordinal) : answers.OrderBy(a => a.At);

    private static RoundDelivery DeliveryOf(Round round, IReadOnlyList<DeliveryRecord> cards)
    {
        var states = cards.Where(c => round.IsAddressedTo(c.Recipient)).ToDictionary(c => c.Recipient, c => c.State);
        IReadOnlyList<string> Named(DeliveryState state) =>
            [.. round.Audience.Where(r => states.GetValueOrDefault(r.Person, DeliveryState.Pending) == state)
                .Select(r => r.Name)
                .Order(StringComparer.CurrentCulture)];
        var sent = states.Values.Count(s => s == DeliveryState.Sent);
        var pending = round.Audience.Count(r => states.GetValueOrDefault(r.Person, DeliveryState.Pending) == DeliveryState.Pending);
        return new RoundDelivery(sent, pending, Named(DeliveryState.Unreachable), Named(DeliveryState.NotDelivered));
    }
}
