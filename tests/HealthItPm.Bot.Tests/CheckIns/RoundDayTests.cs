using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Features.CheckIns;
using HealthItPm.Bot.Features.Readiness;
using HealthItPm.Bot.Features.Risks;
using HealthItPm.Bot.Tests.CardChecks;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Readiness;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Bot.Tests.CheckIns;

/// <summary>
/// A round opened at 20:00 on Sunday 6 December in Chicago (02:00 UTC on Monday) is Sunday's round on every card,
/// as the project's milestones are dated; rounds opened the same day are told apart by the time they opened.
/// </summary>
public class RoundDayTests
{
    private const string Chicago = "America/Chicago";

    // Sunday 6 December 2026, 20:00 in Chicago.
    private static readonly DateTimeOffset SundayEvening = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private static readonly PersonId Nurse = new("1b4e28ba-2fa1-41d2-883f-0016d3cca427");

    private static RoundSummary Summary(IReadOnlyList<RoundTrendPoint> previous)
    {
        var round = new Round(new ProjectCode("EHR"), SundayEvening, TimeSpan.FromHours(24), TimeSpan.FromHours(48), false,
            [new Respondent(Nurse, "Nina Patel (RN)", StakeholderRole.Nurse, "ICU")], CheckInRounds.Kind);
        return RoundSummary.From(round, [], [], previous, SundayEvening.AddHours(1));
    }

    [Fact]
    public void The_summary_names_the_round_by_the_day_it_opened_in_the_projects_zone()
    {
        var card = CardText.Of(RoundSummaryCard.Build(new RoundSummaryModel("EHR", "Epic EHR go-live", Summary([]), Chicago)));

        Assert.Contains("Epic EHR go-live · opened Sun 6 Dec · still open", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Mon 7 Dec", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Trend_rows_of_rounds_opened_the_same_day_say_the_time_each_opened()
    {
        // Two rounds on Sunday 29 November in Chicago, both on Monday 30 November in UTC; then this Sunday's.
        var card = CardText.Of(RoundSummaryCard.Build(new RoundSummaryModel("EHR", "Epic EHR go-live", Summary(
            [
                new RoundTrendPoint(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero), 0.5m, 0.5m, 3m),
                new RoundTrendPoint(new DateTimeOffset(2026, 11, 30, 3, 30, 0, TimeSpan.Zero), 0.8m, 0.1m, 2m),
            ]), Chicago)));

        Assert.Contains("Sun 29 Nov, 20:00\n", card, StringComparison.Ordinal);
        Assert.Contains("Sun 29 Nov, 21:30\n", card, StringComparison.Ordinal);
        Assert.Contains("Sun 6 Dec\n", card, StringComparison.Ordinal);
    }

    [Fact]
    public void A_round_sent_again_within_the_minute_is_told_apart_from_the_first_by_its_second()
    {
        // "Send another check-in" pressed at 00:17 Chicago time: the first round at :00, the second at :05.
        var card = CardText.Of(RoundSummaryCard.Build(new RoundSummaryModel("EHR", "Epic EHR go-live", Summary(
            [
                new RoundTrendPoint(new DateTimeOffset(2026, 12, 7, 6, 17, 0, TimeSpan.Zero), 1m, 0.5m, 3m),
                new RoundTrendPoint(new DateTimeOffset(2026, 12, 7, 6, 17, 5, TimeSpan.Zero), 0.1m, 1m, 4m),
            ]), Chicago)));

        Assert.Contains("Mon 7 Dec, 00:17:00\n", card, StringComparison.Ordinal);
        Assert.Contains("Mon 7 Dec, 00:17:05\n", card, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_without_a_zone_names_its_rounds_by_the_utc_day()
    {
        var card = CardText.Of(RoundSummaryCard.Build(new RoundSummaryModel("EHR", "Epic EHR go-live", Summary([]), null)));

        Assert.Contains("opened Mon 7 Dec", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Adkar_results_and_the_list_of_waves_name_a_wave_by_the_projects_day()
    {
        var results = AdkarResultsCard.Build(new AdkarResultsModel("EHR", "Epic EHR go-live", AdkarCardFixtures.Results(12, 2, withPrevious: false, opens: SundayEvening), Chicago));
        var waves = AdkarWavesCard.Build(new AdkarWavesModel("EHR", "Epic EHR go-live", [AdkarCardFixtures.Results(12, 2, withPrevious: false, opens: SundayEvening)], Chicago));

        Assert.Contains("opened Sun 6 Dec", CardText.Of(results), StringComparison.Ordinal);
        Assert.Contains("Sun 6 Dec", CardText.Of(waves), StringComparison.Ordinal);
        Assert.DoesNotContain("Mon 7 Dec", CardText.Of(results) + CardText.Of(waves), StringComparison.Ordinal);
    }

    [Fact]
    public void Already_acknowledged_says_when_as_a_date_the_readers_teams_shows()
    {
        var project = CardFixtures.Project();
        var risk = CardFixtures.EscalatedRisk(acknowledged: true);

        var handled = RiskCard.HandledBy(project, risk, acknowledging: true);

        var card = handled is { } message ? CardBanner.Unchanged(NoticeCard.Build(new NoticeCardModel("EHR-R7", "Dr. Marcus Lee's view")), message) : throw new InvalidOperationException("Not handled.");
        Assert.Contains(risk.History.Last(e => e.Kind == RiskEventKind.Acknowledged).At, CardDates.ShownAsDates(card));
    }
}
