using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Risks;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Cards.Risks;
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

    private static TextResource Texts => CardTexts.Projects;

    public static JObject Build(StatusModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ev = model.EarnedValue;
        var money = model.Money ?? MoneyFormat.Default;
        var body = new List<Element>
        {
            CardElements.Heading(Markdown.Of($"{model.Code} · {model.Name}")),
            CardElements.Text(Texts.Markdown("Status_Line", ProjectLabels.Kind(model.Kind), ProjectElements.PhaseSince(model.Phase, model.PhaseSince), ProjectFormat.GoLive(model.Schedule, model.Today)), subtle: true, spacing: Spacing.None),
            ProjectElements.RagBadge(model.Health),
        };
        body.AddRange(model.Health.Findings.Select(f => CardElements.Text(
            Markdown.Of($"- {(f.Financial && !model.ShowBudget ? Texts.Markdown("Status_CostHidden") : Markdown.Worded(ReasonText.Of(f.Reason)))}"),
            spacing: Spacing.None)));
        if (!model.Health.EnoughData)
        {
            body.Add(CardElements.Text(Texts.Markdown("Status_NotEnoughDataWhy"), subtle: true, spacing: Spacing.None));
        }

        if (model.ShowBudget)
        {
            body.Add(CardElements.Section(Texts.Markdown("Status_ScheduleAndCost")));
            body.Add(CardElements.Facts(
            [
                CardElements.Fact(Texts["Status_Spi"], ProjectFormat.Index(ev.Spi)),
                CardElements.Fact(Texts["Status_Cpi"], ProjectFormat.Index(ev.Cpi)),
                CardElements.Fact(Texts["Status_Eac"], ProjectFormat.MoneyForecast(ev.EstimateAtCompletion, money)),
                CardElements.Fact(Texts["Status_Bac"], ev.BudgetAtCompletion == 0 ? CardTexts.Common["NotSet"] : ProjectFormat.Money(ev.BudgetAtCompletion, money, entered: true)),
                CardElements.Fact(Texts["Status_PvEvAc"], Texts.Format("Status_PvEvAc_Value", ProjectFormat.Money(ev.PlannedValue, money), ProjectFormat.Money(ev.EarnedValueAmount, money), ProjectFormat.Money(ev.ActualCost, money, entered: true))),
                CardElements.Fact(Texts["EvMethod"], ProjectElements.EarnedValueMethod(ev)),
            ]));
        }
        else
        {
            // Budget figures are for the people accountable for the money; the schedule index is for everyone.
            body.Add(CardElements.Section(Texts.Markdown("Status_Schedule")));
            body.Add(CardElements.Facts([CardElements.Fact(Texts["Status_Spi"], ProjectFormat.Index(ev.Spi)), CardElements.Fact(Texts["EvMethod"], ProjectElements.EarnedValueMethod(ev))]));
        }

        body.Add(CardElements.Section(Texts.Markdown("Status_NextMilestones")));
        var open = model.Milestones.Where(m => !m.IsDone).Take(NextMilestones).ToList();
        body.Add(open.Count == 0
            ? CardElements.Text(Texts.Markdown("Status_NoOpenMilestones"), subtle: true)
            : CardElements.Facts(open.Select(m => CardElements.Fact(m.Name, ProjectElements.MilestoneWhen(m, model.Today)))));

        if (model.Readiness is { } readiness)
        {
            body.Add(CardElements.Section(Texts.Markdown("Status_Readiness")));
            body.Add(CardElements.Facts(
            [
                (Texts["Status_LatestWave"], Texts.Format("Status_LatestWave_Value", readiness.Wave, readiness.Respondents)),
                (CardTexts.Common["NoBarrier"], ProjectFormat.Percent(readiness.WithoutBarrierShare)),
                (CardTexts.Common["DominantBarrier"], readiness.DominantBarrier is { } barrier ? ReasonText.Of(barrier) : CardTexts.Common["None"]),
            ]));
        }

        if (model.TopRisks.Count > 0)
        {
            body.Add(CardElements.Section(Texts.Markdown("Status_TopRisks")));
            body.Add(CardElements.Facts(model.TopRisks.Select(r => (r.Id.ToString(), Texts.Format("Status_Risk", RiskLabels.Band(r.Rating.Band), r.Rating.Score, r.Title)))));
        }

        if (model.Kpis.Count > 0)
        {
            body.Add(CardElements.Section(Texts.Markdown("Kpis")));
            body.Add(CardElements.Facts(model.Kpis.Select(k => CardElements.Fact(k.Name, ProjectElements.KpiSummary(k)))));
        }

        body.Add(CardElements.Section(Texts.Markdown("Stakeholders")));
        body.Add(model.StakeholdersByDiscipline.Count == 0
            ? CardElements.Text(Texts.Markdown("Status_NoStakeholders"), subtle: true)
            : CardElements.Facts(model.StakeholdersByDiscipline.Select(s => (s.Discipline, s.Count.ToString(System.Globalization.CultureInfo.CurrentCulture)))));

        return new AdaptiveCard(body,
        [
            CardElements.Command(Texts["Milestones"], "milestones"),
            CardElements.Command(Texts["Kpis"], "kpis"),
            CardElements.Command(Texts["Stakeholders"], "stakeholders"),
        ]).ToJObject();
    }
}
