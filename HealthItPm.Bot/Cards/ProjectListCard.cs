using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Domain.Projects;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards;

/// <summary>A listed project and today's date where it is (its own time zone, as on its status card).</summary>
public sealed record ProjectListItem(ProjectSummary Project, DateOnly Today);

/// <summary>The projects a person can see; <c>Intro</c> says why the list is shown when they did not ask for it.</summary>
public sealed record ProjectListModel(IReadOnlyList<ProjectListItem> Projects, string? Current, string? Intro = null)
{
    /// <summary>Each project with its own today, from <paramref name="today"/> (the project's calendar).</summary>
    public static ProjectListModel From(
        IEnumerable<ProjectSummary> projects, string? current, Func<ProjectSummary, DateOnly> today, string? intro = null)
    {
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(today);
        return new ProjectListModel([.. projects.Select(p => new ProjectListItem(p, today(p)))], current, intro);
    }
}

/// <summary><c>project list</c>, and the answer when a command needs a project and none is chosen.</summary>
public static class ProjectListCard
{
    private static TextResource Texts => CardTexts.Common;

    public static JObject Build(ProjectListModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<Element> { CardElements.Heading(Texts.Markdown("List_Title")) };
        if (model.Intro is not null)
        {
            body.Add(CardElements.Text(Markdown.Worded(model.Intro), spacing: Spacing.None));
        }

        if (model.Projects.Count == 0)
        {
            body.Add(CardElements.Text(Texts.Markdown("List_None")));
            return new AdaptiveCard(body).ToJObject();
        }

        body.AddRange(model.Projects
            .OrderBy(p => p.Project.GoLive)
            .Select(p => Row(p.Project, p.Project.Code.Value == model.Current, p.Today)));
        return new AdaptiveCard(body).ToJObject();
    }

    private static ColumnSet Row(ProjectSummary project, bool current, DateOnly today)
    {
        var goLive = CardFormat.GoLive(project.GoLive, today);
        var columns = new List<Column>
        {
            new(
            [
                CardElements.Text(Texts.Markdown(current ? "List_Project_Current" : "List_Project", project.Code.Value, project.Name)),
                CardElements.Text(
                    Markdown.Of($"{ProjectLabels.Kind(project.Kind)} · {ProjectLabels.Phase(project.Phase)} · {goLive}"),
                    subtle: true,
                    spacing: Spacing.None),
            ]) { Width = ColumnWidth.Stretch },
        };
        if (!current)
        {
            columns.Add(new Column(
            [
                new ActionSet([CardElements.Execute(
                    Texts["List_UseButton"], CardVerbs.UseProject, CardElements.Data(("project", project.Code.Value)))]),
            ])
            {
                Width = ColumnWidth.Auto,
                VerticalContentAlignment = VerticalAlignment.Center,
            });
        }

        return new ColumnSet(columns) { Separator = true };
    }
}
