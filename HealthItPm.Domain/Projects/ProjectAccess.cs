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
    /// The refusal, if any, of an action anyone on the project may do, decided from the person's role alone
    /// (one small read rather than the whole project). A refusal is the one someone not on the project
    /// hears for any code, as from <see cref="Authorize"/>.
    /// </summary>
    public static async Task<Refusal?> MemberRefusalAsync(
        this IProjectRepository projects,
        AccessPolicy access,
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        ProjectAction action,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(access);
        var decision = access.CanAsMember(person, action, await projects.RoleOfAsync(tenant, code, person, cancellationToken));
        return decision.Allowed ? null : decision.Refusal! with { Project = code };
    }

    /// <summary>
    /// The decision on a project as stored (null: there is none with that code). Someone who is not on
    /// the project (admins aside) hears exactly what they would for a code that does not exist, so
    /// guessing codes tells nobody a project's name, its PMs or that it exists.
    /// </summary>
    public static Outcome<Project> Authorize(this AccessPolicy access, PersonId person, ProjectCode code, Project? project, ProjectAction action)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (project is null)
        {
            return new Outcome<Project>.Refused(Refusal.NotOnProject(action, code));
        }

        var decision = access.Can(person, action, project);
        return decision.Allowed ? new Outcome<Project>.Done(project) : new Outcome<Project>.Refused(decision.Refusal!);
    }
}
