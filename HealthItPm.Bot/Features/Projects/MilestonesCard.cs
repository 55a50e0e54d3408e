using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Domain.Projects;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Projects;

public sealed record MilestonesModel(
    string Code, string Name, ProjectSchedule Schedule, IReadOnlyList<Milestone> Milestones, DateOnly Today)
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

    private static TextResource Texts => ProjectTexts.Cards;

    public static JObject Build(MilestonesModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<Element>
        {
            CardElements.Heading(Texts.Markdown("Milestones_Title", model.Code)),
            CardElements.Text(
                Texts.Markdown(
                    "Milestones_Span",
                    CardFormat.Date(model.Schedule.Start),
                    CardFormat.Date(model.Schedule.End),
                    CardFormat.GoLive(model.Schedule, model.Today)),
                subtle: true,
                spacing: Spacing.None),
        };

        if (model.Milestones.Count == 0)
        {
            body.Add(CardElements.Text(Texts.Markdown("Milestones_None")));
            return new AdaptiveCard(body).ToJObject();
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
        body.Add(CardElements.Text(
            late > 0
                ? Texts.Markdown("Milestones_DoneLate", done, model.Milestones.Count, late)
                : Texts.Markdown("Milestones_Done", done, model.Milestones.Count),
            subtle: late == 0));
        return new AdaptiveCard(body,
        [
            CardElements.Command(Texts["Milestones_AddButton"], "milestone add"),
            CardElements.Command(Texts["Milestones_ProgressButton"], "milestone progress"),
            CardElements.Command(Texts["Milestones_DoneButton"], "milestone done"),
        ]).ToJObject();
    }

    private static Container Row(MilestonesModel model, Milestone milestone)
    {
        var late = milestone.DaysLate(model.Today) > 0;
        var (symbol, color) = milestone.IsDone ? ("✔", TextColor.Good) : late ? ("⚠", TextColor.Attention) : ("◆", TextColor.Accent);
        return Timeline(
            model.Schedule,
            milestone.PlannedDate,
            label: CardElements.Text(Markdown.Of($"**{milestone.Name}**  \n{ProjectElements.MilestoneWhen(milestone, model.Today)}")),
            marker: new TextBlock(Markdown.Of($"{symbol}")) { Wrap = null, Color = color, Weight = TextWeight.Bolder });
    }

    private static Container TodayRow(MilestonesModel model) =>
        Timeline(
            model.Schedule,
            model.Today,
            label: CardElements.Text(Texts.Markdown("Milestones_Today", CardFormat.Date(model.Today))),
            marker: new TextBlock(Markdown.Of($"▼")) { Wrap = null, Color = TextColor.Accent }) with { Style = ContainerStyle.Emphasis };

    // A label on the left and the marker placed along the project's span on the right, by column weights.
    private static Container Timeline(ProjectSchedule schedule, DateOnly date, TextBlock label, TextBlock marker)
    {
        var span = Math.Max(1, schedule.End.DayNumber - schedule.Start.DayNumber);
        var position = Math.Clamp((date.DayNumber - schedule.Start.DayNumber) * Resolution / span, 0, Resolution);
        var track = new List<Column>();
        if (position > 0)
        {
            track.Add(Spacer(position));
        }

        track.Add(new Column([marker]) { Width = ColumnWidth.Auto });
        if (position < Resolution)
        {
            track.Add(Spacer(Resolution - position));
        }

        return new Container(
        [
            new ColumnSet(
            [
                new Column([label]) { Width = ColumnWidth.Weighted(2) },
                new Column([new ColumnSet(track)]) { Width = ColumnWidth.Weighted(3), VerticalContentAlignment = VerticalAlignment.Center },
            ]),
        ]) { Separator = true };
    }

    private static Column Spacer(int weight) => new([]) { Width = ColumnWidth.Weighted(weight) };
}
