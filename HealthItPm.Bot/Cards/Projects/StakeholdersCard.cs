using HealthItPm.Domain.Projects;
using HealthItPm.Bot.Cards.Elements;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards.Projects;

public sealed record StakeholdersModel(string Code, string Name, IReadOnlyList<ProjectMember> Members)
{
    public static StakeholdersModel From(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return new StakeholdersModel(project.Code.Value, project.Name, [.. project.Members.OrderByDescending(m => m.Role).ThenBy(m => m.DisplayName, StringComparer.CurrentCulture)]);
    }
}

/// <summary><c>stakeholders</c>: the people on a project, grouped by their role on it.</summary>
public static class StakeholdersCard
{
    /// <summary>A role group with more people than this is shown as counts, not names.</summary>
    public const int MaxListed = 60;

    public static JObject Build(StakeholdersModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<Element> { CardElements.Heading(Markdown.Of($"{model.Code} · People")) };
        foreach (var group in model.Members.GroupBy(m => m.Role))
        {
            body.Add(CardElements.Section(group.Key switch
            {
                ProjectRole.ProjectManager => Markdown.Of($"Project managers"),
                ProjectRole.Leader => Markdown.Of($"Leaders"),
                _ => Markdown.Of($"Stakeholders"),
            }));
            if (group.Count() > MaxListed)
            {
                // Hundreds of names would make a card Teams cannot deliver: a large group is counted instead.
                body.Add(CardElements.Text(Markdown.Of($"{group.Count()} people, by discipline and department:"), subtle: true));
                var counts = group.GroupBy(m => (ProjectLabels.Discipline(m.Discipline), m.Department)).OrderByDescending(g => g.Count()).ToList();
                body.AddRange(counts.Take(MaxListed / 2).Select(g => CardElements.UserText($"{g.Key.Item1}{(g.Key.Department is null ? "" : ", " + g.Key.Department)} — {g.Count()}")));
                if (counts.Count > MaxListed / 2)
                {
                    body.Add(CardElements.Text(Markdown.Of($"… and {counts.Count - (MaxListed / 2)} smaller groups."), subtle: true));
                }

                continue;
            }

            // Names and departments are typed by people: shown literally, never as markdown.
            body.AddRange(group.Select(m => CardElements.UserText(
                $"{m.DisplayName} — {ProjectLabels.Discipline(m.Discipline)}{(m.Department is null ? "" : ", " + m.Department)}")));
        }

        return new AdaptiveCard(body, [CardElements.Command("Add people", "stakeholder add"), CardElements.Command("Remove someone", "stakeholder remove")]).ToJObject();
    }
}
