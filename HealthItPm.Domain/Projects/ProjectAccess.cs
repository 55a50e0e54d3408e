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
        ArgumentNullException.ThrowIfNull(access);
        var stored = await projects.GetAsync(tenant, code, cancellationToken);
        if (stored is null)
        {
            return NotFound(code);
        }

        var decision = access.Can(person, action, stored.Project);
        return decision.Allowed ? new Outcome<Project>.Done(stored.Project) : new Outcome<Project>.Refused(decision.Reason!);
    }

    public static Outcome<Project>.NotFound NotFound(ProjectCode code) =>
        new($"There is no project with the code {code}. Type **project list** to see yours.");
}
