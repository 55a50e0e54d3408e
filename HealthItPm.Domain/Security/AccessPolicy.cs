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
/// </summary>
public sealed class AccessPolicy(IReadOnlySet<PersonId> admins, IReadOnlySet<PersonId> allowedProjectManagers)
{
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
        var allowed = action == ProjectAction.ViewStatus ? role is not null : role == ProjectRole.ProjectManager;
        if (allowed)
        {
            return AccessDecision.Allow;
        }

        var managers = string.Join(", ", project.ProjectManagers.Select(m => m.DisplayName).Order(StringComparer.CurrentCulture));
        return role is null
            ? AccessDecision.Deny($"You are not on {project.Name}. Its project managers ({managers}) can add you.")
            : AccessDecision.Deny($"Only the project managers of {project.Name} ({managers}) can do that.");
    }
}
