using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Projects;

/// <summary>What a card calls a project.</summary>
public static class ProjectNames
{
    /// <summary>The project's name, from its summary alone; its code when there is no such project (removed meanwhile).</summary>
    public static async Task<string> NameOfAsync(
        this IProjectRepository projects,
        TenantId tenant,
        ProjectCode code,
        CancellationToken cancellationToken) =>
        (await projects.HeadingOfAsync(tenant, code, cancellationToken)).Name;

    /// <summary>
    /// The project's name and the time zone a card words its days in, from its summary alone (see <see cref="NameOfAsync"/>).
    /// </summary>
    public static async Task<ProjectHeading> HeadingOfAsync(
        this IProjectRepository projects,
        TenantId tenant,
        ProjectCode code,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(projects);
        var summary = await projects.SummaryOfAsync(tenant, code, cancellationToken);
        return new(summary?.Name.Value ?? code.Value, summary?.TimeZone);
    }
}

/// <summary>
/// What a card says of a project: its name, and the time zone in which it words the day something happened
/// (a round opened on Sunday evening in Chicago is Sunday's round). No zone (a project gone meanwhile) words
/// days in UTC.
/// </summary>
public sealed record ProjectHeading(string Name, string? TimeZone);
