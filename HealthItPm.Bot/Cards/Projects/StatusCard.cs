using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Risks;
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
        var body = new List<JObject>
        {
            CardElements.Heading($"{model.Code} · {CardElements.Escape(model.Name)}"),
            CardElements.Text($"{ProjectLabels.Kind(model.Kind)} · {ProjectElements.PhaseSince(model.Phase, model.PhaseSince)} · {ProjectFormat.GoLive(model.Schedule, model.Today)}", subtle: true, spacing: "None"),
            ProjectElements.RagBadge(model.Health),
        };
        body.AddRange(model.Health.Findings.Select(f => CardElements.Text(
            $"- {(f.Financial && !model.ShowBudget ? "Cost: behind budget (the figures are shown to the people who manage the budget)" : ReasonText.Of(f.Reason))}",
            spacing: "None")));
        if (!model.Health.EnoughData)
        {
            body.Add(CardElements.Text("Red, amber or green once there is something to measure: a milestone due by today, or spend against the budget.", subtle: true, spacing: "None"));
        }

        if (model.ShowBudget)
        {
            body.Add(CardElements.Section("Schedule and cost"));
            body.Add(CardElements.Facts(
            [
                ("SPI", ProjectFormat.Index(ev.Spi)),
                ("CPI", ProjectFormat.Index(ev.Cpi)),
                ("EAC", ProjectFormat.MoneyForecast(ev.EstimateAtCompletion, money)),
                ("Budget (BAC)", ev.BudgetAtCompletion == 0 ? "not set" : ProjectFormat.Money(ev.BudgetAtCompletion, money, entered: true)),
                ("PV / EV / AC", $"{ProjectFormat.Money(ev.PlannedValue, money)} / {ProjectFormat.Money(ev.EarnedValueAmount, money)} / {ProjectFormat.Money(ev.ActualCost, money, entered: true)}"),
                ("EV method", ProjectElements.EarnedValueMethod(ev)),
            ]));
        }
        else
        {
            // Budget figures are for the people accountable for the money; the schedule index is for everyone.
            body.Add(CardElements.Section("Schedule"));
            body.Add(CardElements.Facts([("SPI", ProjectFormat.Index(ev.Spi)), ("EV method", ProjectElements.EarnedValueMethod(ev))]));
        }

        body.Add(CardElements.Section("Next milestones"));
        var open = model.Milestones.Where(m => !m.IsDone).Take(NextMilestones).ToList();
        body.Add(open.Count == 0
            ? CardElements.Text("No open milestones.", subtle: true)
            : CardElements.Facts(open.Select(m => (CardElements.Escape(m.Name), ProjectElements.MilestoneWhen(m, model.Today)))));

        if (model.Readiness is { } readiness)
        {
            body.Add(CardElements.Section("Readiness (ADKAR)"));
            body.Add(CardElements.Facts(
            [
                ("Latest wave", $"{CardElements.Escape(readiness.Wave)} · {readiness.Respondents} answers"),
                ("No barrier", $"{(readiness.WithoutBarrierShare * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture)}%"),
                ("Dominant barrier", readiness.DominantBarrier?.ToString() ?? "none"),
            ]));
        }

        if (model.TopRisks.Count > 0)
        {
            body.Add(CardElements.Section("Top risks"));
            body.Add(CardElements.Facts(model.TopRisks.Select(r => (r.Id.ToString(), $"{r.Rating.Band} {r.Rating.Score} · {CardElements.Escape(r.Title)}"))));
        }

        if (model.Kpis.Count > 0)
        {
            body.Add(CardElements.Section("KPIs"));
            body.Add(CardElements.Facts(model.Kpis.Select(k => (CardElements.Escape(k.Name), ProjectElements.KpiSummary(k)))));
        }

        body.Add(CardElements.Section("Stakeholders"));
        body.Add(model.StakeholdersByDiscipline.Count == 0
            ? CardElements.Text("None yet. Type **stakeholder add** to add people.", subtle: true)
            : CardElements.Facts(model.StakeholdersByDiscipline.Select(s => (s.Discipline, s.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)))));

        return AdaptiveCard.Create(body,
        [
            CardElements.Execute("Milestones", CardVerbs.RunCommand, new JObject { ["command"] = "milestones" }),
            CardElements.Execute("KPIs", CardVerbs.RunCommand, new JObject { ["command"] = "kpis" }),
            CardElements.Execute("Stakeholders", CardVerbs.RunCommand, new JObject { ["command"] = "stakeholders" }),
        ]);
    }
}
