using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Features.CheckIns;
using HealthItPm.Bot.Features.Projects;
using HealthItPm.Bot.Features.Risks;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.FirstDay;

/// <summary>What the project cards say on a project's first day, built by their real builders.</summary>
public class FirstDayCardTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly PersonId Pm = new("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    internal static Project NewProject() => Project.Create(new ProjectCode("EHR"), Guarded.From("Epic EHR go-live"), ProjectKind.Ehr, new ProjectSchedule(Today, Today.AddDays(90), Today.AddDays(180)), "America/Chicago",
        new ProjectMember(Pm, "Priya Shah", ProjectRole.ProjectManager, StakeholderRole.It, Guarded.From("Health IT")), Today);

    [Fact]
    public void A_new_project_says_not_enough_data_yet_instead_of_green()
    {
        var project = NewProject();
        project.AddMilestone(new Milestone(Guarded.From("Go-live"), Today.AddDays(90), 10));

        var status = CardText.Of(StatusCard.Build(StatusModel.From(project, Today, [])));

        Assert.Contains("Status: Not enough data yet", status, StringComparison.Ordinal);
        Assert.DoesNotContain("Green", status, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20, "just now")]
    [InlineData(5 * 60 + 10, "5 min ago")]
    [InlineData((3 * 60 + 20) * 60, "3 h 20 min ago")]
    [InlineData(2 * 24 * 3600, "2 days ago")]
    public void A_risk_says_when_it_was_logged_as_people_say_it(int secondsAgo, string expected)
    {
        var logged = new DateTimeOffset(2026, 11, 25, 18, 0, 0, TimeSpan.Zero);
        var risk = Risk.Log(new RiskId(new ProjectCode("EHR"), 1), Guarded.From("Scanners fail on 4 West"), null, RiskCategory.TechnicalIntegration, new RiskRating(2, 2), null, null, null, Pm, logged);

        var card = CardText.Of(RiskCard.Build(RiskViews.Of(NewProject(), risk, logged.AddSeconds(secondsAgo))));

        Assert.Contains("Logged\n" + expected + "\n", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Age", card, StringComparison.Ordinal);
    }

    [Fact]
    public void The_check_in_says_how_much_text_fits_in_what_is_blocking_you()
    {
        var card = CheckInCard.Build(new CheckInCardModel("EHR", "Epic EHR go-live", "20261201T1600Z", new DateTimeOffset(2026, 12, 3, 16, 0, 0, TimeSpan.Zero), Reminder: false, Anonymous: false));

        var blockers = CardText.Input(card, "blockers")!;
        Assert.Contains("up to 500 characters", (string?)blockers["label"], StringComparison.Ordinal);
        Assert.Equal(500, (int)blockers["maxLength"]!);
    }

    [Theory]
    [InlineData("USD", "en-US", 2_400_000, "$2,400,000")]
    [InlineData("USD", "en-US", 1_250.5, "$1,250.50")]
    [InlineData("EUR", "de-DE", 2_400_000, "2.400.000\u00a0€")]
    [InlineData("USD", "de-DE", 2_400_000, "USD\u00a02.400.000")]
    [InlineData("CAD", "en-US", 950_000, "CAD\u00a0950,000")]
    public void Every_amount_carries_the_hospitals_currency_in_the_readers_locale(string currency, string locale, double amount, string expected) =>
        // Locales differ in the space before a trailing symbol (plain, no-break or narrow no-break).
        Assert.Equal(expected, MoneyFormat.For(new Currency(currency), locale).Format((decimal)amount).Replace('\u202f', '\u00a0').Replace(' ', '\u00a0'));

    [Fact]
    public void The_budget_card_shows_the_currency_on_every_amount()
    {
        var project = NewProject();
        project.SetBudget(1_000_000);
        project.RecordSpend(new SpendEntry(25_000, Today, Guarded.From("Vendor invoice")), Today);

        var card = CardText.Of(BudgetCard.Build(new BudgetModel("EHR", project.Name, project.EarnedValue(Today), project.Spend, MoneyFormat.For(Currency.Usd, "en-US"))));

        Assert.Contains("$1,000,000", card, StringComparison.Ordinal);
        Assert.Contains("$25,000", card, StringComparison.Ordinal);
        Assert.Contains("Planned value (PV)\n$0\n", card, StringComparison.Ordinal);
    }
}
