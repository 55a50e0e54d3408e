using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Bot.Features.Projects;

/// <summary>Pieces the project cards share.</summary>
public static class ProjectElements
{
    private static TextResource Texts => ProjectTexts.Cards;

    public static TextBlock RagBadge(RagStatus health)
    {
        ArgumentNullException.ThrowIfNull(health);
        return health.EnoughData
            ? CardElements.Badge(
                Texts.Markdown("Status_Rag", ProjectLabels.Rag(health.Status)), ProjectLabels.SeverityOf(health.Status)) with
            {
                Size = TextSize.Medium,
            }
            : new(Texts.Markdown("Status_NotEnoughData")) { Weight = TextWeight.Bolder, Size = TextSize.Medium };
    }

    /// <summary>"Build since Tue 3 Nov 2026", or just the phase while it is the one the project was created in.</summary>
    public static string PhaseSince(ProjectPhase phase, DateOnly? since) =>
        since is { } date ? Texts.Format("Phase_Since", ProjectLabels.Phase(phase), CardFormat.Date(date)) : ProjectLabels.Phase(phase);

    public static string PhaseLine(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return Texts.Format(
            "Phase_Now", PhaseSince(project.Phase, project.PhaseSince is { } at ? ProjectCalendar.DateOf(at, project.TimeZone) : null));
    }

    /// <summary>The latest phase moves, who made them and when (names escaped: they come from Teams profiles).</summary>
    public static string PhaseHistoryLine(Project project, int latest = 6)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (project.PhaseHistory.Count == 0)
        {
            return Texts["Phase_NoMoves"];
        }

        var names = project.Members.ToDictionary(m => m.Person, m => m.DisplayName);
        return Texts.Format("Phase_Moves", string.Join(
            CardTexts.Common["ListSeparator"],
            project.PhaseHistory.TakeLast(latest).Select(c => Texts.Format(
                "Phase_Move",
                ProjectLabels.Phase(c.From),
                ProjectLabels.Phase(c.To),
                CardFormat.Date(ProjectCalendar.DateOf(c.At, project.TimeZone)),
                names.GetValueOrDefault(c.By) is { } name ? CardElements.Escape(name) : Texts["Phase_FormerMember"]))));
    }

    public static Markdown MilestoneWhen(Milestone milestone, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        if (milestone.DoneDate is { } done)
        {
            return Texts.Markdown("Milestone_Done", CardFormat.Date(done));
        }

        var late = milestone.DaysLate(today);
        var when = late > 0
            ? Texts.Markdown("Milestone_Late", CardFormat.Days(late), CardFormat.Date(milestone.PlannedDate))
            : Markdown.Literal(CardFormat.Date(milestone.PlannedDate));
        return milestone.PercentComplete is { } percent ? Texts.Markdown("Milestone_Progress", when, percent / 100m) : when;
    }

    /// <summary>Which earned-value method the figures follow, so nobody reads an early SPI of 0.25 without knowing why.</summary>
    public static Markdown EarnedValueMethod(EarnedValue ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return ev.Method == Domain.Projects.EarnedValueMethod.PercentComplete
            ? Texts.Markdown("EvMethod_PercentComplete")
            : Texts.Markdown("EvMethod_ZeroHundred");
    }

    public static Markdown KpiSummary(Kpi kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        var latest = kpi.Latest is { } m
            ? Texts.Markdown("Kpi_Value", CardFormat.Number(m.Value), kpi.Unit)
            : Texts.Markdown("Kpi_NotMeasured");
        return Texts.Markdown(
            "Kpi_Summary",
            latest,
            CardFormat.Number(kpi.Target),
            kpi.Unit,
            CardFormat.Number(kpi.Baseline),
            CardFormat.Percent(kpi.Progress));
    }
}
