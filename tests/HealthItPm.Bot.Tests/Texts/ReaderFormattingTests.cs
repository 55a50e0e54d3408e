using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Features.Audit;
using HealthItPm.Bot.Features.CheckIns;
using HealthItPm.Bot.Features.Projects;
using HealthItPm.Bot.Features.Readiness;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.Texts;

/// <summary>
/// A card is written for its reader: built in their culture (as a turn runs in it), its dates, numbers
/// and amounts read as that culture writes them, while its words come from the resource files.
/// </summary>
public class ReaderFormattingTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly PersonId Pm = new("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    [Theory]
    [InlineData("en-US", "USD", "Sat 9 Jan 2027", "$2,400,000.50", "0.50", "12.5 %")]
    [InlineData("de-DE", "EUR", "Sa 9 Jan. 2027", "2.400.000,50 €", "0,50", "12,5 %")]
    public void A_status_card_writes_dates_amounts_and_numbers_as_its_readers_culture_does(string locale, string currency, string goLive, string budget, string spi, string kpi)
    {
        using var _ = new InCulture(locale);

        var card = Text(StatusCard.Build(StatusModel.From(Project(), Today, [], money: MoneyFormat.For(new Currency(currency), locale))));

        Assert.Contains($"go-live in 45 days ({goLive})", card, StringComparison.Ordinal);
        Assert.Contains(budget, card, StringComparison.Ordinal);
        Assert.Contains($"\"SPI\"|\"{spi}\"", card, StringComparison.Ordinal);
        Assert.Contains(kpi, card, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_value_the_cards_name_has_words()
    {
        using var _ = new InCulture("en-US");

        Assert.All(FeatureWords.All.SelectMany(f => f.AuditKinds), k => Assert.NotEqual(k.Name, AuditCard.Label(k)));
        Assert.All(Enum.GetValues<ProjectKind>(), k => Assert.NotEmpty(ProjectLabels.Kind(k)));
        Assert.All(Enum.GetValues<ProjectPhase>(), p => Assert.NotEmpty(ProjectLabels.Phase(p)));
        Assert.All(Enum.GetValues<StakeholderRole>(), r => Assert.NotEmpty(ProjectLabels.Discipline(r)));
        Assert.All(Enum.GetValues<RiskCategory>(), c => Assert.NotEmpty(RiskLabels.Category(c)));
        Assert.All(Enum.GetValues<RiskBand>(), b => Assert.NotEmpty(RiskLabels.Band(b)));
        Assert.All(Enum.GetValues<RiskStatus>(), s => Assert.NotEmpty(RiskLabels.Status(s)));
        Assert.All(Enum.GetValues<CheckInStatus>(), s => Assert.NotEmpty(CheckInFormat.Status(s)));
        Assert.All(Enum.GetValues<AdkarElement>(), e => Assert.NotEmpty(AdkarFormat.Statement(e, "Epic") + AdkarFormat.Letter(e) + AdkarFormat.Element(e)));
        Assert.All(Enum.GetValues<Intervention>(), i => Assert.NotEmpty(AdkarFormat.Intervention(i)));
    }

    // The card's texts and facts, a fact as "title"|"value", so that a figure is found with what it measures.
    private static string Text(JObject card) => string.Join("\n", card.Descendants().OfType<JObject>().Select(o =>
        o["title"] is JValue title && o["value"] is JValue value ? $"\"{title}\"|\"{value}\"" : (string?)o["text"] ?? string.Empty));

    private static Project Project()
    {
        var project = Domain.Projects.Project.Create(new ProjectCode("EHR"), Guarded.From("Epic EHR go-live"), ProjectKind.Ehr, new ProjectSchedule(Today.AddDays(-100), Today.AddDays(45), Today.AddDays(120)), "America/Chicago",
            new ProjectMember(Pm, "Priya Shah", ProjectRole.ProjectManager, StakeholderRole.It, Guarded.From("Health IT")), Today.AddDays(-100));
        project.AddMilestone(new Milestone(Guarded.From("Build complete"), Today.AddDays(-20), 50));
        project.AddMilestone(new Milestone(Guarded.From("Go-live"), Today.AddDays(45), 50));
        project.RecordProgress("Build complete", 50);
        project.SetBudget(2_400_000.50m);
        project.AddKpi(new Kpi(Guarded.From("Report turnaround"), Guarded.From("%"), 20, 10, KpiDirection.LowerIsBetter, [new KpiMeasurement(Today, 12.5m)]));
        return project;
    }
}
