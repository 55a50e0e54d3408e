using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Risks;
using HealthItPm.Bot.Cards.Elements;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards.Projects;

public sealed record StatusModel(
    string Code,
    string Name,
    ProjectKind Kind,
    ProjectPhase Phase,
    ProjectSchedule Schedule,
    RagStatus Health,
    EarnedValue EarnedValue,
    IReadOnlyList<Milestone> Milestones,
    IReadOnlyList<Kpi> Kpis,
    IReadOnlyList<(string Discipline, int Count)> StakeholdersByDiscipline,
    DateOnly Today,
    IReadOnlyList<Risk> TopRisks,
    DateOnly? PhaseSince = null,
    bool ShowBudget = true,
    MoneyFormat? Money = null,
    ReadinessSnapshot? Readiness = null)
{
    private const int RisksShown = 3;

    /// <summary>The status of <paramref name="project"/> as of <paramref name="today"/>; <paramref name="showBudget"/> when the reader may see budget figures; <paramref name="money"/> how they read amounts.</summary>
    public static StatusModel From(Project project, DateOnly today, IReadOnlyList<Risk> risks, bool showBudget = true, MoneyFormat? money = null, ReadinessSnapshot? readiness = null)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(risks);
        var open = risks.Where(r => r.IsOpen).OrderByDescending(r => r.Rating.Score).ToList();
        return new StatusModel(
            project.Code.Value,
            project.Name,
            project.Kind,
            project.Phase,
            project.Schedule,
            project.Health(today, [.. open.Select(r => r.AsOpenRisk())], readiness),
            project.EarnedValue(today),
            project.Milestones,
            project.Kpis,
            [.. project.Members.Where(m => m.Role != ProjectRole.ProjectManager).GroupBy(m => m.Discipline).OrderBy(g => g.Key).Select(g => (ProjectLabels.Discipline(g.Key), g.Count()))],
            today,
            [.. open.Take(RisksShown)],
            project.PhaseSince is { } at ? ProjectCalendar.DateOf(at, project.TimeZone) : null,
            showBudget,
            money,
            readiness);
    }
}

/// <summary>The project at a glance: RAG with its reasons, earned value, what is next, KPIs and people.</summary>
public static class StatusCard
{
    private const int NextMilestones = 3;

    public static JObject Build(StatusModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ev = model.EarnedValue;
        var money = model.Money ?? MoneyFormat.Default;
        var body = new List<Element>
        {
            CardElements.Heading(Markdown.Of($"{model.Code} · {model.Name}")),
            CardElements.Text(Markdown.Of($"{ProjectLabels.Kind(model.Kind)} · {ProjectElements.PhaseSince(model.Phase, model.PhaseSince)} · {ProjectFormat.GoLive(model.Schedule, model.Today)}"), subtle: true, spacing: Spacing.None),
            ProjectElements.RagBadge(model.Health),
        };
        body.AddRange(model.Health.Findings.Select(f => CardElements.Text(
            Markdown.Of($"- {(f.Financial && !model.ShowBudget ? Markdown.Of($"Cost: behind budget (the figures are shown to the people who manage the budget)") : Markdown.Worded(ReasonText.Of(f.Reason)))}"),
            spacing: Spacing.None)));
        if (!model.Health.EnoughData)
        {
            body.Add(CardElements.Text(Markdown.Of($"Red, amber or green once there is something to measure: a milestone due by today, or spend against the budget."), subtle: true, spacing: Spacing.None));
        }

        if (model.ShowBudget)
        {
            body.Add(CardElements.Section(Markdown.Of($"Schedule and cost")));
            body.Add(CardElements.Facts(
            [
                CardElements.Fact("SPI", ProjectFormat.Index(ev.Spi)),
                CardElements.Fact("CPI", ProjectFormat.Index(ev.Cpi)),
                CardElements.Fact("EAC", ProjectFormat.MoneyForecast(ev.EstimateAtCompletion, money)),
                CardElements.Fact("Budget (BAC)", ev.BudgetAtCompletion == 0 ? "not set" : ProjectFormat.Money(ev.BudgetAtCompletion, money, entered: true)),
                CardElements.Fact("PV / EV / AC", $"{ProjectFormat.Money(ev.PlannedValue, money)} / {ProjectFormat.Money(ev.EarnedValueAmount, money)} / {ProjectFormat.Money(ev.ActualCost, money, entered: true)}"),
                CardElements.Fact("EV method", ProjectElements.EarnedValueMethod(ev)),
            ]));
        }
        else
        {
            // Budget figures are for the people accountable for the money; the schedule index is for everyone.
            body.Add(CardElements.Section(Markdown.Of($"Schedule")));
            body.Add(CardElements.Facts([CardElements.Fact("SPI", ProjectFormat.Index(ev.Spi)), CardElements.Fact("EV method", ProjectElements.EarnedValueMethod(ev))]));
        }

        body.Add(CardElements.Section(Markdown.Of($"Next milestones")));
        var open = model.Milestones.Where(m => !m.IsDone).Take(NextMilestones).ToList();
        body.Add(open.Count == 0
            ? CardElements.Text(Markdown.Of($"No open milestones."), subtle: true)
            : CardElements.Facts(open.Select(m => CardElements.Fact(m.Name, ProjectElements.MilestoneWhen(m, model.Today)))));

        if (model.Readiness is { } readiness)
        {
            body.Add(CardElements.Section(Markdown.Of($"Readiness (ADKAR)")));
            body.Add(CardElements.Facts(
            [
                ("Latest wave", $"{readiness.Wave} · {readiness.Respondents} answers"),
                ("No barrier", $"{(readiness.WithoutBarrierShare * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture)}%"),
                ("Dominant barrier", readiness.DominantBarrier?.ToString() ?? "none"),
            ]));
        }

        if (model.TopRisks.Count > 0)
        {
            body.Add(CardElements.Section(Markdown.Of($"Top risks")));
            body.Add(CardElements.Facts(model.TopRisks.Select(r => (r.Id.ToString(), $"{r.Rating.Band} {r.Rating.Score} · {r.Title}"))));
        }

        if (model.Kpis.Count > 0)
        {
            body.Add(CardElements.Section(Markdown.Of($"KPIs")));
            body.Add(CardElements.Facts(model.Kpis.Select(k => CardElements.Fact(k.Name, ProjectElements.KpiSummary(k)))));
        }

        body.Add(CardElements.Section(Markdown.Of($"Stakeholders")));
        body.Add(model.StakeholdersByDiscipline.Count == 0
            ? CardElements.Text(Markdown.Of($"None yet. Type **stakeholder add** to add people."), subtle: true)
            : CardElements.Facts(model.StakeholdersByDiscipline.Select(s => (s.Discipline, s.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)))));

        return new AdaptiveCard(body,
        [
            CardElements.Command("Milestones", "milestones"),
            CardElements.Command("KPIs", "kpis"),
            CardElements.Command("Stakeholders", "stakeholders"),
        ]).ToJObject();
    }
}
