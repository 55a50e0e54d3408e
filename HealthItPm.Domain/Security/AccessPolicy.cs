using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Domain.Security;

/// <summary>The answer to "may this person do this?", with a reason that says who can when it is no.</summary>
public sealed record AccessDecision(bool Allowed, string? Reason)
{
    public static AccessDecision Allow { get; } = new(true, null);

    public static AccessDecision Deny(string reason) => new(false, reason);
}

/// <summary>
/// Who may do what. Admins (from configuration) may do everything on every project. Creating a
/// project takes an allowed PM (in configuration, or granted by an admin); the creator becomes its first PM.
/// On a project: its PMs manage it; leaders and stakeholders may view its status; nobody else may.
/// Budget figures are for the roles in <paramref name="budgetViewers"/> (by default PMs and leaders) and admins.
/// </summary>
public sealed class AccessPolicy(IReadOnlySet<PersonId> admins, IReadOnlySet<PersonId> allowedProjectManagers, IReadOnlySet<ProjectRole>? budgetViewers = null)
{
    /// <summary>Who sees budget figures unless configured otherwise: the people accountable for the money.</summary>
    public static readonly IReadOnlySet<ProjectRole> DefaultBudgetViewers = new HashSet<ProjectRole> { ProjectRole.ProjectManager, ProjectRole.Leader };

    private readonly IReadOnlySet<ProjectRole> _budgetViewers = budgetViewers ?? DefaultBudgetViewers;

    public bool IsAdmin(PersonId person) => admins.Contains(person);

    public AccessDecision CanCreateProject(PersonId person, bool grantedByAdmin = false) =>
        IsAdmin(person) || grantedByAdmin || allowedProjectManagers.Contains(person)
            ? AccessDecision.Allow
            : AccessDecision.Deny("Only people your HealthItPm admin has allowed to act as project managers can create projects. Ask your admin to add you.");

    public AccessDecision CanAllowProjectManagers(PersonId person) =>
        IsAdmin(person)
            ? AccessDecision.Allow
            : AccessDecision.Deny("Only HealthItPm admins can allow people to create projects. Your hospital's IT admin sets who the admins are.");

    public AccessDecision Can(PersonId person, ProjectAction action, Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (IsAdmin(person))
        {
            return AccessDecision.Allow;
        }

        var role = project.RoleOf(person);
        var allowed = action switch
        {
            ProjectAction.ViewStatus => role is not null,
            ProjectAction.ViewBudget => role is { } r && _budgetViewers.Contains(r),
            _ => role == ProjectRole.ProjectManager,
        };
        if (allowed)
        {
            return AccessDecision.Allow;
        }

        if (action == ProjectAction.ViewBudget && role is not null)
        {
            return AccessDecision.Deny($"Budget figures of {project.Name} are shown to {string.Join(" and ", _budgetViewers.Order().Reverse().Select(Plural))} only.");
        }

        // Someone not on the project learns nothing about it (not its name, not its PMs): the use cases
        // answer them as if it did not exist (ProjectAccess.Authorize).
        if (role is null)
        {
            return AccessDecision.Deny("You are not on this project. Its project managers can add you.");
        }

        var managers = string.Join(", ", project.ProjectManagers.Select(m => m.DisplayName).Order(StringComparer.CurrentCulture));
        return AccessDecision.Deny($"Only the project managers of {project.Name} ({managers}) can do that.");
    }

    private static string Plural(ProjectRole role) => role switch
    {
        ProjectRole.ProjectManager => "its project managers",
        ProjectRole.Leader => "its leaders",
        _ => "its stakeholders",
    };
}
