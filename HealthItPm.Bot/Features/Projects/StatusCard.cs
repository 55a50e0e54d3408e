using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Projects;

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
    ReadinessSnapshot? Readiness = null,
    IReadOnlyList<SetupStep>? NextSteps = null)
{
    /// <summary>The go-live gate's recommendation now; null when the project has no gate.</summary>
    public Recommendation? GoLive { get; init; }

    /// <summary>Days to the gate's go/no-go date (negative once passed); null when the project has no gate.</summary>
    public int? GoLiveDaysToGo { get; init; }

    private const int RisksShown = 3;

    /// <summary>
    /// The status of <paramref name="project"/> as of <paramref name="today"/>; <paramref name="showBudget"/> when the reader may see
    /// budget figures; <paramref name="money"/> how they read amounts; <paramref name="may"/> whether they may do an action (the set-up
    /// steps still missing are shown only to those who may do them; null: to nobody).
    /// </summary>
    public static StatusModel From(
        Project project,
        DateOnly today,
        IReadOnlyList<Risk> risks,
        bool showBudget = true,
        MoneyFormat? money = null,
        ReadinessSnapshot? readiness = null,
        Func<ProjectAction, bool>? may = null)
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
            [.. project.Members
                .Where(m => m.Role != ProjectRole.ProjectManager)
                .GroupBy(m => m.Discipline)
                .OrderBy(g => g.Key)
                .Select(g => (ProjectLabels.Discipline(g.Key), g.Count()))],
            today,
            [.. open.Take(RisksShown)],
            project.PhaseSince is { } at ? ProjectCalendar.DateOf(at, project.TimeZone) : null,
            showBudget,
            money,
            readiness,
            may is null ? [] : [.. ProjectSetup.Missing(project).Where(step => may(ProjectSetup.ActionOf(step)))]);
    }

    /// <summary>Whether the reader is told to do <paramref name="step"/> (so the card need not show it empty).</summary>
    public bool Suggests(SetupStep step) => NextSteps?.Contains(step) == true;
}

/// <summary>The project at a glance: RAG with its reasons, earned value, what is next, KPIs and people.</summary>
public static class StatusCard
{
    private const int NextMilestones = 3;

    private static TextResource Texts => ProjectTexts.Cards;

    public static JObject Build(StatusModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ev = model.EarnedValue;
        var money = model.Money ?? MoneyFormat.Default;
        var body = new List<Element>
        {
            CardElements.Heading(Markdown.Of($"{model.Code} · {model.Name}")),
            CardElements.Text(
                Texts.Markdown(
                    "Status_Line",
                    ProjectLabels.Kind(model.Kind),
                    ProjectElements.PhaseSince(model.Phase, model.PhaseSince),
                    CardFormat.GoLive(model.Schedule, model.Today)),
                subtle: true,
                spacing: Spacing.None),
            ProjectElements.RagBadge(model.Health),
        };
        body.AddRange(model.Health.Findings.Select(f => CardElements.Text(Markdown.Of($"- {Finding(model, f)}"), spacing: Spacing.None)));
        if (!model.Health.EnoughData)
        {
            body.Add(CardElements.Text(Texts.Markdown("Status_NotEnoughDataWhy"), subtle: true, spacing: Spacing.None));
        }

        if (model.NextSteps is { Count: > 0 } steps)
        {
            // What to set up next, instead of sections of "n/a" and nothing: only the steps still missing, only to whoever may do them.
            body.Add(CardElements.Text(Texts.Markdown(
                "Status_Next",
                Markdown.Join(
                    Markdown.Literal(CardTexts.Common["Separator"]), steps.Select(step => Texts.Markdown($"Status_Next_{step}"))))));
        }

        if (ev.BudgetAtCompletion == 0)
        {
            // Without a budget there is no earned value: every index would read n/a and every amount $0.
            if (model.ShowBudget && !model.Suggests(SetupStep.Budget))
            {
                body.Add(CardElements.Section(Texts.Markdown("Status_ScheduleAndCost")));
                body.Add(CardElements.Facts([CardElements.Fact(Texts["Status_Bac"], CardTexts.Common["NotSet"])]));
            }
        }
        else if (model.ShowBudget)
        {
            body.Add(CardElements.Section(Texts.Markdown("Status_ScheduleAndCost")));
            body.Add(CardElements.Facts(
            [
                CardElements.Fact(Texts["Status_Spi"], CardFormat.Index(ev.Spi)),
                CardElements.Fact(Texts["Status_Cpi"], CardFormat.Index(ev.Cpi)),
                CardElements.Fact(Texts["Status_Eac"], CardFormat.MoneyForecast(ev.EstimateAtCompletion, money)),
                CardElements.Fact(Texts["Status_Bac"], CardFormat.Money(ev.BudgetAtCompletion, money, entered: true)),
                CardElements.Fact(
                    Texts["Status_PvEvAc"],
                    Texts.Format(
                        "Status_PvEvAc_Value",
                        CardFormat.Money(ev.PlannedValue, money),
                        CardFormat.Money(ev.EarnedValueAmount, money),
                        CardFormat.Money(ev.ActualCost, money, entered: true))),
                CardElements.Fact(Texts["EvMethod"], ProjectElements.EarnedValueMethod(ev)),
            ]));
        }

        // Earned value (SPI, CPI, its method) is for the people who see the budget; everyone reads the schedule in the milestones.
        if (!(model.Milestones.Count == 0 && model.Suggests(SetupStep.Milestones)))
        {
            body.Add(CardElements.Section(Texts.Markdown("Status_NextMilestones")));
            var open = model.Milestones.Where(m => !m.IsDone).Take(NextMilestones).ToList();
            body.Add(open.Count == 0
                ? CardElements.Text(Texts.Markdown("Status_NoOpenMilestones"), subtle: true)
                : CardElements.Facts(open.Select(m => CardElements.Fact(m.Name, ProjectElements.MilestoneWhen(m, model.Today)))));
        }

        if (model.GoLive is { } recommendation)
        {
            var days = model.GoLiveDaysToGo is { } left
                ? left < 0 ? Texts["Status_GoLiveGate_Passed"] : Texts.Format("Status_GoLiveGate_Days", CardFormat.Days(left))
                : string.Empty;
            body.Add(CardElements.Text(Texts.Markdown("Status_GoLiveGate", Texts[$"Status_GoLive_{recommendation}"], days)));
        }

        if (model.Readiness is { } readiness)
        {
            body.Add(CardElements.Section(Texts.Markdown("Status_Readiness")));
            body.Add(CardElements.Facts(
            [
                (Texts["Status_LatestWave"], Texts.Format("Status_LatestWave_Value", readiness.Wave, readiness.Respondents)),
                (CardTexts.Common["NoBarrier"], CardFormat.Percent(readiness.WithoutBarrierShare)),
                (CardTexts.Common["DominantBarrier"],
                    readiness.DominantBarrier is { } barrier ? ReasonText.Of(barrier) : CardTexts.Common["None"]),
            ]));
        }

        if (model.TopRisks.Count > 0)
        {
            body.Add(CardElements.Section(Texts.Markdown("Status_TopRisks")));
            body.Add(CardElements.Facts(model.TopRisks.Select(r =>
                (r.Id.ToString(), Texts.Format("Status_Risk", RiskLabels.Band(r.Rating.Band), r.Rating.Score, r.Title)))));
        }

        if (model.Kpis.Count > 0)
        {
            body.Add(CardElements.Section(Texts.Markdown("Kpis")));
            body.Add(CardElements.Facts(model.Kpis.Select(k => CardElements.Fact(k.Name, ProjectElements.KpiSummary(k)))));
        }

        if (model.StakeholdersByDiscipline.Count > 0)
        {
            body.Add(CardElements.Section(Texts.Markdown("Stakeholders")));
            body.Add(CardElements.Facts(model.StakeholdersByDiscipline.Select(s =>
                (s.Discipline, s.Count.ToString(System.Globalization.CultureInfo.CurrentCulture)))));
        }
        else if (!model.Suggests(SetupStep.Stakeholders))
        {
            body.Add(CardElements.Section(Texts.Markdown("Stakeholders")));
            body.Add(CardElements.Text(Texts.Markdown("Status_NoStakeholdersYet"), subtle: true));
        }

        return new AdaptiveCard(body,
        [
            CardElements.Command(Texts["Milestones"], "milestones"),
            CardElements.Command(Texts["Kpis"], "kpis"),
            CardElements.Command(Texts["Stakeholders"], "stakeholders"),
        ]).ToJObject();
    }

    // A finding that quotes budget or earned-value figures is said without them to a reader who may not see them.
    private static Markdown Finding(StatusModel model, RagFinding finding) => finding switch
    {
        { Financial: true } when !model.ShowBudget => Texts.Markdown("Status_CostHidden"),
        { Reason: RagReason.IndexBelow } when !model.ShowBudget => Texts.Markdown("Status_ScheduleHidden"),
        _ => Markdown.Worded(ReasonText.Of(finding.Reason)),
    };
}
