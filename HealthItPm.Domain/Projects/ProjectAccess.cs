using HealthItPm.Domain.Common;
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
    /// The person's standing on the project: their role on it now (a former member has none) and their place in its escalation chain.
    /// </summary>
    public static Standing StandingOf(this Project project, PersonId person, bool admin)
    {
        ArgumentNullException.ThrowIfNull(project);
        var role = project.RoleOf(person);
        return new Standing(admin, false, role, role is not null && project.EscalationChain.Contains(person), false);
    }

    /// <summary>An action on a project, from the person's standing on it (<see cref="StandingOf"/>).</summary>
    public static AccessDecision Can(this AccessPolicy access, PersonId person, ProjectAction action, Project project)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(project);
        return access.Can(person, action, project, project.StandingOf(person, access.IsAdmin(person)));
    }

    /// <summary>
    /// An action on a project, from a standing on it that a feature completed (the owner of the risk acted on). A
    /// refusal names the project; to someone on it, also its name and its PMs, whom they can ask.
    /// </summary>
    public static AccessDecision Can(this AccessPolicy access, PersonId person, ProjectAction action, Project project, Standing standing)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(project);
        if (AccessRules.Of(action).Scope != ActionScope.Project)
        {
            return access.CanInTenant(person, action);
        }

        var decision = access.Decide(standing, action);
        return decision.Refusal switch
        {
            null => decision,
            { Code: RefusalCode.NotOnProject } refusal => AccessDecision.Deny(refusal with { Project = project.Code }),
            var refusal => AccessDecision.Deny(refusal with
            {
                Project = project.Code,
                ProjectName = project.Name,
                ProjectManagers = [.. project.ProjectManagers.Select(m => m.DisplayName).Order(StringComparer.CurrentCulture)],
            }),
        };
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
    public static Outcome<Project> Authorize(
        this AccessPolicy access,
        PersonId person,
        ProjectCode code,
        Project? project,
        ProjectAction action)
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
