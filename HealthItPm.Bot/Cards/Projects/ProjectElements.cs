using HealthItPm.Domain.Projects;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards.Projects;

/// <summary>Pieces the project cards share.</summary>
public static class ProjectElements
{
    /// <summary>The card with a confirmation of what was just saved on top.</summary>
    public static JObject Saved(JObject card, string message) => Banner(card, "✔ " + message, "Good");

    /// <summary>The card as it stands, with why nothing changed (e.g. someone else already handled it).</summary>
    public static JObject Unchanged(JObject card, string message) => Banner(card, "ℹ " + message, "Warning");

    private static JObject Banner(JObject card, string text, string color)
    {
        ArgumentNullException.ThrowIfNull(card);
        var copy = (JObject)card.DeepClone();
        ((JArray)copy["body"]!).Insert(0, new JObject { ["type"] = "TextBlock", ["text"] = text, ["color"] = color, ["wrap"] = true });
        return copy;
    }

    public static JObject RagBadge(RagStatus health)
    {
        ArgumentNullException.ThrowIfNull(health);
        if (!health.EnoughData)
        {
            return new JObject
            {
                ["type"] = "TextBlock",
                ["text"] = "Status: Not enough data yet",
                ["weight"] = "Bolder",
                ["size"] = "Medium",
                ["wrap"] = true,
            };
        }

        return new JObject
        {
            ["type"] = "TextBlock",
            ["text"] = $"Status: {ProjectLabels.Rag(health.Status)}",
            ["color"] = ProjectLabels.RagColor(health.Status),
            ["weight"] = "Bolder",
            ["size"] = "Medium",
            ["wrap"] = true,
        };
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

    public static string MilestoneWhen(Milestone milestone, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        if (milestone.DoneDate is { } done)
        {
            return $"done {ProjectFormat.Date(done)}";
        }

        var late = milestone.DaysLate(today);
        var progress = milestone.PercentComplete is { } percent ? $" · {percent}% complete" : "";
        return late > 0
            ? $"**{ProjectFormat.Days(late)} late** (planned {ProjectFormat.Date(milestone.PlannedDate)}){progress}"
            : ProjectFormat.Date(milestone.PlannedDate) + progress;
    }

    /// <summary>Which earned-value method the figures follow, so nobody reads an early SPI of 0.25 without knowing why.</summary>
    public static string EarnedValueMethod(EarnedValue ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return ev.Method == Domain.Projects.EarnedValueMethod.PercentComplete
            ? "percent complete (open milestones earn the share done)"
            : "0/100 (a milestone earns its weight when done; **milestone progress** records percent complete)";
    }

    public static string KpiSummary(Kpi kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        var unit = CardElements.Escape(kpi.Unit);
        var latest = kpi.Latest is { } m ? $"{ProjectFormat.Number(m.Value)} {unit}" : "not measured";
        return $"{latest} → target {ProjectFormat.Number(kpi.Target)} {unit} (from {ProjectFormat.Number(kpi.Baseline)}; progress {ProjectFormat.Percent(kpi.Progress)})";
    }
}
