using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Domain.Ports;

/// <summary>What a card calls a project.</summary>
public static class ProjectNames
{
    /// <summary>The project's name, from its summary alone; its code when there is no such project (removed meanwhile).</summary>
    public static async Task<string> NameOfAsync(this IProjectRepository projects, TenantId tenant, ProjectCode code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(projects);
        return (await projects.SummaryOfAsync(tenant, code, cancellationToken))?.Name.Value ?? code.Value;
    }
}
