using HealthItPm.Domain.Ports;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards.Projects;

/// <summary>A listed project and today's date where it is (its own time zone, as on its status card).</summary>
public sealed record ProjectListItem(ProjectSummary Project, DateOnly Today);

/// <summary>The projects a person can see; <c>Intro</c> says why the list is shown when they did not ask for it.</summary>
public sealed record ProjectListModel(IReadOnlyList<ProjectListItem> Projects, string? Current, string? Intro = null)
{
    /// <summary>Each project with its own today, from <paramref name="today"/> (the project's calendar).</summary>
    public static ProjectListModel From(IEnumerable<ProjectSummary> projects, string? current, Func<ProjectSummary, DateOnly> today, string? intro = null)
    {
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(today);
        return new ProjectListModel([.. projects.Select(p => new ProjectListItem(p, today(p)))], current, intro);
    }
}

/// <summary><c>project list</c>, and the answer when a command needs a project and none is chosen.</summary>
public static class ProjectListCard
{
    public static JObject Build(ProjectListModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<JObject> { JsonCardElements.Heading("Your projects") };
        if (model.Intro is not null)
        {
            body.Add(JsonCardElements.Text(model.Intro, spacing: "None"));
        }

        if (model.Projects.Count == 0)
        {
            body.Add(JsonCardElements.Text("You are not on any project yet. A project manager can add you, or type **project new** if you manage one."));
            return JsonCardElements.Card(body);
        }

        body.AddRange(model.Projects.OrderBy(p => p.Project.GoLive).Select(p => Row(p.Project, p.Project.Code.Value == model.Current, p.Today)));
        return JsonCardElements.Card(body);
    }

    private static JObject Row(ProjectSummary project, bool current, DateOnly today)
    {
        var goLive = ProjectFormat.GoLive(project.GoLive, today);
        var details = new JObject
        {
            ["type"] = "Column",
            ["width"] = "stretch",
            ["items"] = new JArray(
                JsonCardElements.Text($"**{project.Code}** {CardElements.Escape(project.Name)}{(current ? " _(current)_" : "")}"),
                JsonCardElements.Text($"{ProjectLabels.Kind(project.Kind)} · {ProjectLabels.Phase(project.Phase)} · {goLive}", subtle: true, spacing: "None")),
        };
        var columns = new JArray(details);
        if (!current)
        {
            columns.Add(new JObject
            {
                ["type"] = "Column",
                ["width"] = "auto",
                ["verticalContentAlignment"] = "Center",
                ["items"] = new JArray(new JObject
                {
                    ["type"] = "ActionSet",
                    ["actions"] = new JArray(JsonCardElements.Execute("Use", CardVerbs.UseProject, new JObject { ["project"] = project.Code.Value })),
                }),
            });
        }

        return new JObject { ["type"] = "ColumnSet", ["separator"] = true, ["columns"] = columns };
    }
}
