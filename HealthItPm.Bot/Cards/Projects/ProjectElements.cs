using HealthItPm.Domain.Projects;
using HealthItPm.Bot.Cards.Elements;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards.Projects;

/// <summary>Pieces the project cards share.</summary>
public static class ProjectElements
{
    /// <summary>The card with a confirmation of what was just saved on top; <paramref name="message"/> is worded with its values escaped.</summary>
    public static JObject Saved(JObject card, string message) => Banner(card, Markdown.Of($"✔ {Markdown.Worded(message)}"), TextColor.Good);

    /// <summary>The card as it stands, with why nothing changed (e.g. someone else already handled it).</summary>
    public static JObject Unchanged(JObject card, string message) => Banner(card, Markdown.Of($"ℹ {Markdown.Worded(message)}"), TextColor.Warning);

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
            ? new(Markdown.Of($"Status: {ProjectLabels.Rag(health.Status)}")) { Color = ProjectLabels.RagColor(health.Status), Weight = TextWeight.Bolder, Size = TextSize.Medium }
            : new(Markdown.Of($"Status: Not enough data yet")) { Weight = TextWeight.Bolder, Size = TextSize.Medium };
    }

    /// <summary>"Build since Tue 3 Nov 2026", or just the phase while it is the one the project was created in.</summary>
    public static string PhaseSince(ProjectPhase phase, DateOnly? since) =>
        since is { } date ? $"{ProjectLabels.Phase(phase)} since {ProjectFormat.Date(date)}" : ProjectLabels.Phase(phase);

    public static string PhaseLine(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return $"Now in **{PhaseSince(project.Phase, project.PhaseSince is { } at ? ProjectCalendar.DateOf(at, project.TimeZone) : null)}**.";
    }

    /// <summary>The latest phase moves, who made them and when (names escaped: they come from Teams profiles).</summary>
    public static string PhaseHistoryLine(Project project, int latest = 6)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (project.PhaseHistory.Count == 0)
        {
            return "No phase moves yet.";
        }

        var names = project.Members.ToDictionary(m => m.Person, m => m.DisplayName);
        return "Moves: " + string.Join("; ", project.PhaseHistory.TakeLast(latest).Select(c =>
            $"{ProjectLabels.Phase(c.From)} → {ProjectLabels.Phase(c.To)} on {ProjectFormat.Date(ProjectCalendar.DateOf(c.At, project.TimeZone))} by {CardElements.Escape(names.GetValueOrDefault(c.By) ?? "a former member")}")) + ".";
    }

    public static Markdown MilestoneWhen(Milestone milestone, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        if (milestone.DoneDate is { } done)
        {
            return Markdown.Of($"done {ProjectFormat.Date(done)}");
        }

        var late = milestone.DaysLate(today);
        var progress = milestone.PercentComplete is { } percent ? $" · {percent}% complete" : "";
        return late > 0
            ? Markdown.Of($"**{ProjectFormat.Days(late)} late** (planned {ProjectFormat.Date(milestone.PlannedDate)}){progress}")
            : Markdown.Of($"{ProjectFormat.Date(milestone.PlannedDate)}{progress}");
    }

    /// <summary>Which earned-value method the figures follow, so nobody reads an early SPI of 0.25 without knowing why.</summary>
    public static Markdown EarnedValueMethod(EarnedValue ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return ev.Method == Domain.Projects.EarnedValueMethod.PercentComplete
            ? Markdown.Of($"percent complete (open milestones earn the share done)")
            : Markdown.Of($"0/100 (a milestone earns its weight when done; **milestone progress** records percent complete)");
    }

    public static Markdown KpiSummary(Kpi kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        var latest = kpi.Latest is { } m ? Markdown.Of($"{ProjectFormat.Number(m.Value)} {kpi.Unit}") : Markdown.Of($"not measured");
        return Markdown.Of($"{latest} → target {ProjectFormat.Number(kpi.Target)} {kpi.Unit} (from {ProjectFormat.Number(kpi.Baseline)}; progress {ProjectFormat.Percent(kpi.Progress)})");
    }
}
