using HealthItPm.Domain.Projects;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards.Projects;

public sealed record MilestonesModel(string Code, string Name, ProjectSchedule Schedule, IReadOnlyList<Milestone> Milestones, DateOnly Today)
{
    public static MilestonesModel From(Project project, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(project);
        return new MilestonesModel(project.Code.Value, project.Name, project.Schedule, project.Milestones, today);
    }
}

/// <summary>
/// The PM's Gantt view as a card: one row per milestone with a marker placed along the project's
/// span (start to end), a "today" row where today falls, late milestones flagged.
/// </summary>
public static class MilestonesCard
{
    private const int Resolution = 100;

    public static JObject Build(MilestonesModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<JObject>
        {
            JsonCardElements.Heading($"{model.Code} · Milestones"),
            JsonCardElements.Text($"{ProjectFormat.Date(model.Schedule.Start)} → {ProjectFormat.Date(model.Schedule.End)} · {ProjectFormat.GoLive(model.Schedule, model.Today)}", subtle: true, spacing: "None"),
        };

        if (model.Milestones.Count == 0)
        {
            body.Add(JsonCardElements.Text("No milestones yet. Type **milestone add** to plan the first one."));
            return JsonCardElements.Card(body);
        }

        var todayShown = false;
        foreach (var milestone in model.Milestones)
        {
            if (!todayShown && milestone.PlannedDate > model.Today)
            {
                body.Add(TodayRow(model));
                todayShown = true;
            }

            body.Add(Row(model, milestone));
        }

        if (!todayShown)
        {
            body.Add(TodayRow(model));
        }

        var done = model.Milestones.Count(m => m.IsDone);
        var late = model.Milestones.Count(m => m.DaysLate(model.Today) > 0);
        body.Add(JsonCardElements.Text($"{done} of {model.Milestones.Count} done{(late > 0 ? $" · **{late} late**" : "")}", subtle: late == 0));
        return JsonCardElements.Card(body,
        [
            JsonCardElements.Execute("Add milestone", CardVerbs.RunCommand, new JObject { ["command"] = "milestone add" }),
            JsonCardElements.Execute("Record progress", CardVerbs.RunCommand, new JObject { ["command"] = "milestone progress" }),
            JsonCardElements.Execute("Mark one done", CardVerbs.RunCommand, new JObject { ["command"] = "milestone done" }),
        ]);
    }

    private static JObject Row(MilestonesModel model, Milestone milestone)
    {
        var late = milestone.DaysLate(model.Today) > 0;
        var (symbol, color) = milestone.IsDone ? ("✔", "Good") : late ? ("⚠", "Attention") : ("◆", "Accent");
        return Timeline(
            model.Schedule,
            milestone.PlannedDate,
            label: JsonCardElements.Text($"**{CardElements.Escape(milestone.Name)}**  \n{ProjectElements.MilestoneWhen(milestone, model.Today)}"),
            marker: new JObject { ["type"] = "TextBlock", ["text"] = symbol, ["color"] = color, ["weight"] = "Bolder" });
    }

    private static JObject TodayRow(MilestonesModel model)
    {
        var row = Timeline(
            model.Schedule,
            model.Today,
            label: JsonCardElements.Text($"_Today, {ProjectFormat.Date(model.Today)}_"),
            marker: new JObject { ["type"] = "TextBlock", ["text"] = "▼", ["color"] = "Accent" });
        row["style"] = "emphasis";
        return row;
    }

    // A label on the left and the marker placed along the project's span on the right, by column weights.
    private static JObject Timeline(ProjectSchedule schedule, DateOnly date, JObject label, JObject marker)
    {
        var span = Math.Max(1, schedule.End.DayNumber - schedule.Start.DayNumber);
        var position = Math.Clamp((date.DayNumber - schedule.Start.DayNumber) * Resolution / span, 0, Resolution);
        var track = new JArray();
        if (position > 0)
        {
            track.Add(Spacer(position));
        }

        track.Add(new JObject { ["type"] = "Column", ["width"] = "auto", ["items"] = new JArray(marker) });
        if (position < Resolution)
        {
            track.Add(Spacer(Resolution - position));
        }

        return new JObject
        {
            ["type"] = "Container",
            ["separator"] = true,
            ["items"] = new JArray(new JObject
            {
                ["type"] = "ColumnSet",
                ["columns"] = new JArray(
                    new JObject { ["type"] = "Column", ["width"] = 2, ["items"] = new JArray(label) },
                    new JObject
                    {
                        ["type"] = "Column",
                        ["width"] = 3,
                        ["verticalContentAlignment"] = "Center",
                        ["items"] = new JArray(new JObject { ["type"] = "ColumnSet", ["columns"] = track }),
                    }),
            }),
        };
    }

    private static JObject Spacer(int weight) => new() { ["type"] = "Column", ["width"] = weight, ["items"] = new JArray() };
}
