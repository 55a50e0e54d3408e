using HealthItPm.Domain.Common;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Projects;

/// <summary>A project as read, with the version it was read at; saving it succeeds only if nobody saved it since.</summary>
public sealed record VersionedProject(Project Project, string Version);

/// <summary>
/// One line of a project list; <paramref name="Role"/> is the person's role on it when the list is a person's;
/// <paramref name="TimeZone"/> is the project's, from which its "today" is counted (UTC when unknown).
/// </summary>
public sealed record ProjectSummary(
    ProjectCode Code,
    Privacy.GuardedText Name,
    ProjectKind Kind,
    ProjectPhase Phase,
    DateOnly GoLive,
    ProjectRole? Role = null,
    string? TimeZone = null);

/// <summary>Where projects are kept, per hospital (tenant).</summary>
public interface IProjectRepository
{
    Task<VersionedProject?> GetAsync(TenantId tenant, ProjectCode code, CancellationToken cancellationToken);

    /// <summary>Adds a new project; <see cref="ProjectConflictException"/> when its code is taken.</summary>
    Task AddAsync(TenantId tenant, Project project, CancellationToken cancellationToken);

    /// <summary>Saves a changed project; <see cref="ProjectConflictException"/> when someone saved it since it was read.</summary>
    Task SaveAsync(TenantId tenant, VersionedProject project, CancellationToken cancellationToken);

    Task<IReadOnlyList<ProjectSummary>> ListAsync(TenantId tenant, CancellationToken cancellationToken);

    /// <summary>
    /// A person's role on a project (null: not on it, or no such project), without reading the whole
    /// project: for the actions anyone on it may do, which come once per person (answering a round).
    /// </summary>
    Task<ProjectRole?> RoleOfAsync(TenantId tenant, ProjectCode code, PersonId person, CancellationToken cancellationToken);

    /// <summary>
    /// A project's summary (null: no such project) without reading the whole project: for what a fan-out's
    /// every card shows of it, its name, which must not cost reading and restoring the whole project of a
    /// go-live with thousands of people.
    /// </summary>
    Task<ProjectSummary?> SummaryOfAsync(TenantId tenant, ProjectCode code, CancellationToken cancellationToken);

    /// <summary>The projects a person is on, in any role.</summary>
    Task<IReadOnlyList<ProjectSummary>> ListForPersonAsync(TenantId tenant, PersonId person, CancellationToken cancellationToken);
}

/// <summary>A project code already in use, or a project changed by someone else since it was read.</summary>
public sealed class ProjectConflictException : Exception
{
    public ProjectConflictException(string message)
        : base(message)
    {
    }

    public ProjectConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ProjectConflictException()
    {
    }
}
