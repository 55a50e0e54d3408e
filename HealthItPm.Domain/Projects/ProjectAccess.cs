using HealthItPm.Domain.Common;
using HealthItPm.Domain.Ports;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Projects;

/// <summary>The first step of every project-scoped use case: the project as stored now, if the person may do the action on it.</summary>
public static class ProjectAccess
{
    public static async Task<Outcome<Project>> AuthorizedAsync(
        this IProjectRepository projects,
        AccessPolicy access,
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        ProjectAction action,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(projects);
        return access.Authorize(person, code, (await projects.GetAsync(tenant, code, cancellationToken))?.Project, action);
    }

    /// <summary>
    /// The decision on a project as stored (null: there is none with that code). Someone who is not on
    /// the project (admins aside) hears exactly what they would for a code that does not exist, so
    /// guessing codes tells nobody a project's name, its PMs or that it exists.
    /// </summary>
    public static Outcome<Project> Authorize(this AccessPolicy access, PersonId person, ProjectCode code, Project? project, ProjectAction action)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (project is null || !IsOn(access, person, project))
        {
            return NotFound(code);
        }

        var decision = access.Can(person, action, project);
        return decision.Allowed ? new Outcome<Project>.Done(project) : new Outcome<Project>.Refused(decision.Reason!);
    }

    /// <summary>Whether the person is on the project now (or is an admin): nobody else may act on it or on anything in it.</summary>
    public static bool IsOn(AccessPolicy access, PersonId person, Project project)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(project);
        return access.IsAdmin(person) || project.RoleOf(person) is not null;
    }

    public static Outcome<Project>.NotFound NotFound(ProjectCode code) =>
        new($"You are not on a project with the code {code}. Type **project list** to see yours; if you should be on this one, ask its project manager to add you.");
}
