using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.CheckIns;

/// <summary>
/// An anonymous check-in follows the one anonymity rule: while open, its summary is the number of answers; once
/// closed, statuses, impact, blockers and training only from at least five answers, and never with names.
/// </summary>
public class AnonymousCheckInTests
{
    private static readonly DateTimeOffset Opens = new(2026, 12, 1, 16, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WhileOpen = Opens.AddHours(1);
    private static readonly DateTimeOffset Closed = Opens.AddHours(49);

    private static readonly Respondent[] Seven =
        [
            .. Enumerable.Range(1, 7).Select(i => new Respondent(
                new PersonId(new Guid(i, 0x7777, 0x4777, 0x87, 0, 0, 0, 0, 0, 0, 7).ToString()),
                $"Person {i}",
                StakeholderRole.Nurse,
                i <= 2 ? "4 West" : "ED")),
        ];

    private static RoundSummary Summary(bool anonymous, int answering, DateTimeOffset now)
    {
        var round = new Round(
            new ProjectCode("EHR"),
            Opens,
            TimeSpan.FromHours(24),
            TimeSpan.FromHours(48),
            anonymous,
            Seven,
            CheckInRounds.Kind,
            name: null,
            anonymityKey: anonymous ? Round.NewAnonymityKey() : null);
        var answers = Seven.Take(answering)
            .Select((p, i) => round.Accept(
                p.Person,
                CheckInAnswer.Create(
                    CheckInStatus.Blocked, new WorkflowImpact(4), Guarded.From($"Night shift {i} has no scanner login"), true),
                WhileOpen))
            .ToList();
        return RoundSummary.From(round, answers, [], [], now);
    }

    [Fact]
    public void The_first_answer_to_an_open_anonymous_check_in_shows_only_that_one_person_answered()
    {
        var summary = Summary(anonymous: true, answering: 1, WhileOpen);

        Assert.Equal((ResultsWithheld.UntilClosed, 1, 7), (summary.Withheld, summary.AnsweredCount, summary.AudienceCount));
        AssertNothingButTheCount(summary);
    }

    [Fact]
    public void However_many_answered_an_open_anonymous_check_in_shows_only_the_count()
    {
        AssertNothingButTheCount(Summary(anonymous: true, answering: 7, WhileOpen));
    }

    [Fact]
    public void A_closed_anonymous_check_in_shows_answers_without_names_from_five_and_nothing_from_four()
    {
        var four = Summary(anonymous: true, answering: 4, Closed);
        Assert.Equal(ResultsWithheld.TooFewAnswers, four.Withheld);
        AssertNothingButTheCount(four);

        var five = Summary(anonymous: true, answering: 5, Closed);
        Assert.Null(five.Withheld);
        Assert.Equal(5, five.Distribution[CheckInStatus.Blocked]);
        Assert.Equal(5, five.Blockers.Count);
        Assert.All(five.Blockers, b => Assert.Null(b.Who));
        Assert.All(five.TrainingRequests, Assert.Null);
    }

    [Fact]
    public void An_anonymous_check_ins_blockers_are_listed_by_their_words_not_in_the_order_people_answered()
    {
        var round = new Round(
            new ProjectCode("EHR"),
            Opens,
            TimeSpan.FromHours(24),
            TimeSpan.FromHours(48),
            true,
            Seven,
            CheckInRounds.Kind,
            anonymityKey: Round.NewAnonymityKey());
        string[] words = ["Zebra pumps", "Order sets", "Barcode scanners", "Wi-Fi on 4 West", "Label printers"];
        var answers = Seven.Take(5)
            .Select((p, i) => round.Accept(
                p.Person,
                CheckInAnswer.Create(CheckInStatus.Blocked, new WorkflowImpact(3), Guarded.From(words[i]), false),
                WhileOpen.AddMinutes(i)))
            .ToList();

        var summary = RoundSummary.From(round, answers, [], [], Closed);

        Assert.Equal(words.Order(StringComparer.Ordinal), summary.Blockers.Select(b => b.Text.Value));
    }

    [Fact]
    public void An_attributed_check_in_shows_each_answer_with_its_name_as_it_comes()
    {
        var summary = Summary(anonymous: false, answering: 1, WhileOpen);

        Assert.Null(summary.Withheld);
        Assert.Equal("Person 1", Assert.Single(summary.Blockers).Who);
        Assert.Equal(1m, summary.Point.BlockedShare);
    }

    private static void AssertNothingButTheCount(RoundSummary summary)
    {
        Assert.NotNull(summary.Withheld);
        Assert.All(summary.Distribution.Values, n => Assert.Equal(0, n));
        Assert.Null(summary.AverageImpact);
        Assert.Empty(summary.Blockers);
        Assert.Empty(summary.TrainingRequests);
        Assert.Null(summary.Point.BlockedShare);
        Assert.Null(summary.Point.AverageImpact);
    }
}
