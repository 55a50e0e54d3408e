using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Projects;

public sealed record StakeholdersModel(string Code, string Name, IReadOnlyList<ProjectMember> Members)
{
    public static StakeholdersModel From(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return new StakeholdersModel(
            project.Code.Value,
            project.Name,
            [.. project.Members.OrderByDescending(m => m.Role).ThenBy(m => m.DisplayName, StringComparer.CurrentCulture)]);
    }
}

/// <summary><c>stakeholders</c>: the people on a project, grouped by their role on it.</summary>
public static class StakeholdersCard
{
    /// <summary>A role group with more people than this is shown as counts, not names.</summary>
    public const int MaxListed = 60;

    private static TextResource Texts => ProjectTexts.Cards;

    public static JObject Build(StakeholdersModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<Element> { CardElements.Heading(Texts.Markdown("People_Title", model.Code)) };
        foreach (var group in model.Members.GroupBy(m => m.Role))
        {
            body.Add(CardElements.Section(group.Key switch
            {
                ProjectRole.ProjectManager => Texts.Markdown("People_ProjectManagers"),
                ProjectRole.Leader => Texts.Markdown("People_Leaders"),
                _ => Texts.Markdown("Stakeholders"),
            }));
            if (group.Count() > MaxListed)
            {
                // Hundreds of names would make a card Teams cannot deliver: a large group is counted instead.
                body.Add(CardElements.Text(Texts.Markdown("People_Counted", group.Count()), subtle: true));
                var counts = group
                    .GroupBy(m => (ProjectLabels.Discipline(m.Discipline), m.Department))
                    .OrderByDescending(g => g.Count())
                    .ToList();
                body.AddRange(counts.Take(MaxListed / 2).Select(g =>
                    CardElements.UserText(Texts.Format("People_Line", Discipline(g.Key.Item1, g.Key.Department), g.Count()))));
                if (counts.Count > MaxListed / 2)
                {
                    body.Add(CardElements.Text(Texts.Markdown("People_SmallerGroups", counts.Count - (MaxListed / 2)), subtle: true));
                }

                continue;
            }

            // Names and departments are typed by people: shown literally, never as markdown.
            body.AddRange(group.Select(m => CardElements.UserText(Line(m))));
        }

        return new AdaptiveCard(body,
        [
            CardElements.Command(Texts["People_AddButton"], "stakeholder add"),
            CardElements.Command(Texts["People_RemoveButton"], "stakeholder remove"),
        ]).ToJObject();
    }

    // A PM is listed under "Project managers", which says what they do on the project: not with the discipline
    // the project was created with (IT, for whoever created it), only with their department if they have one.
    private static string Line(ProjectMember m) => m.Role == ProjectRole.ProjectManager
        ? m.Department?.Value is { } department ? Texts.Format("People_Line", m.DisplayName, department) : m.DisplayName
        : Texts.Format("People_Line", m.DisplayName, Discipline(ProjectLabels.Discipline(m.Discipline), m.Department));

    private static string Discipline(string discipline, string? department) =>
        department is null ? discipline : Texts.Format("People_DisciplineInDepartment", discipline, department);
}
