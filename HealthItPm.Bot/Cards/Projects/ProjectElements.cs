using HealthItPm.Domain.Projects;
using HealthItPm.Bot.Cards.Elements;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards.Projects;

/// <summary>Pieces the project cards share.</summary>
public static class ProjectElements
{
    private static TextResource Texts => CardTexts.Projects;

    /// <summary>The card with a confirmation of what was just saved on top; <paramref name="message"/> is worded with its values escaped.</summary>
    public static JObject Saved(JObject card, string message) => Saved(card, Markdown.Worded(message));

    /// <summary>The card with a confirmation worded as markdown of the bot's own (e.g. one that names a moment).</summary>
    public static JObject Saved(JObject card, Markdown message) => Banner(card, Markdown.Of($"✔ {message}"), TextColor.Good);

    /// <summary>The card as it stands, with why nothing changed (e.g. someone else already handled it).</summary>
    public static JObject Unchanged(JObject card, string message) => Unchanged(card, Markdown.Worded(message));

    /// <inheritdoc cref="Unchanged(JObject, string)"/>
    public static JObject Unchanged(JObject card, Markdown message) => Banner(card, Markdown.Of($"ℹ {message}"), TextColor.Accent);

    private static JObject Banner(JObject card, Markdown text, TextColor color)
    {
        ArgumentNullException.ThrowIfNull(card);
        var copy = (JObject)card.DeepClone();
        ((JArray)copy["body"]!).Insert(0, AdaptiveCard.ElementJson(new TextBlock(text) { Color = color }));
        return copy;
    }

    public static TextBlock RagBadge(RagStatus health)
    {
        ArgumentNullException.ThrowIfNull(health);
        return health.EnoughData
            ? CardElements.Badge(Texts.Markdown("Status_Rag", ProjectLabels.Rag(health.Status)), ProjectLabels.SeverityOf(health.Status)) with { Size = TextSize.Medium }
            : new(Texts.Markdown("Status_NotEnoughData")) { Weight = TextWeight.Bolder, Size = TextSize.Medium };
    }

    /// <summary>"Build since Tue 3 Nov 2026", or just the phase while it is the one the project was created in.</summary>
    public static string PhaseSince(ProjectPhase phase, DateOnly? since) =>
        since is { } date ? Texts.Format("Phase_Since", ProjectLabels.Phase(phase), ProjectFormat.Date(date)) : ProjectLabels.Phase(phase);

    public static string PhaseLine(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return Texts.Format("Phase_Now", PhaseSince(project.Phase, project.PhaseSince is { } at ? ProjectCalendar.DateOf(at, project.TimeZone) : null));
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
        return Texts.Format("Phase_Moves", string.Join(CardTexts.Common["ListSeparator"], project.PhaseHistory.TakeLast(latest).Select(c => Texts.Format(
            "Phase_Move",
            ProjectLabels.Phase(c.From),
            ProjectLabels.Phase(c.To),
            ProjectFormat.Date(ProjectCalendar.DateOf(c.At, project.TimeZone)),
            names.GetValueOrDefault(c.By) is { } name ? CardElements.Escape(name) : Texts["Phase_FormerMember"]))));
    }

    public static Markdown MilestoneWhen(Milestone milestone, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        if (milestone.DoneDate is { } done)
        {
            return Texts.Markdown("Milestone_Done", ProjectFormat.Date(done));
        }

        var late = milestone.DaysLate(today);
        var when = late > 0
            ? Texts.Markdown("Milestone_Late", ProjectFormat.Days(late), ProjectFormat.Date(milestone.PlannedDate))
            : Markdown.Literal(ProjectFormat.Date(milestone.PlannedDate));
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
        var latest = kpi.Latest is { } m ? Texts.Markdown("Kpi_Value", ProjectFormat.Number(m.Value), kpi.Unit) : Texts.Markdown("Kpi_NotMeasured");
        return Texts.Markdown("Kpi_Summary", latest, ProjectFormat.Number(kpi.Target), kpi.Unit, ProjectFormat.Number(kpi.Baseline), ProjectFormat.Percent(kpi.Progress));
    }
}
