using System.Collections.Concurrent;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Tests.Fakes;

/// <summary>
/// Projects kept in memory as the table keeps them: a copy per read (a change is seen only once it is
/// saved), a version per save, and a save refused when the project was saved since it was read.
/// </summary>
public sealed class InMemoryProjects : IProjectRepository
{
    private readonly ConcurrentDictionary<(TenantId, ProjectCode), (ProjectState State, int Version)> _projects = new();

    public Task<VersionedProject?> GetAsync(TenantId tenant, ProjectCode code, CancellationToken cancellationToken) =>
        Task.FromResult(_projects.TryGetValue((tenant, code), out var stored)
            ? new VersionedProject(Project.Restore(stored.State), Version(stored.Version))
            : null);

    public Task AddAsync(TenantId tenant, Project project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        return _projects.TryAdd((tenant, project.Code), (project.ToState(), 1))
            ? Task.CompletedTask
            : throw new ProjectConflictException($"{project.Code} is taken.");
    }

    public Task SaveAsync(TenantId tenant, VersionedProject project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        var key = (tenant, project.Project.Code);
        var stored = _projects[key];
        return Version(stored.Version) == project.Version
            && _projects.TryUpdate(key, (project.Project.ToState(), stored.Version + 1), stored)
            ? Task.CompletedTask
            : throw new ProjectConflictException($"{project.Project.Code} was saved since it was read.");
    }

    public Task<IReadOnlyList<ProjectSummary>> ListAsync(TenantId tenant, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ProjectSummary>>([.. Of(tenant).Select(p => Summary(p, null))]);

    public Task<ProjectRole?> RoleOfAsync(TenantId tenant, ProjectCode code, PersonId person, CancellationToken cancellationToken) =>
        Task.FromResult(_projects.TryGetValue((tenant, code), out var stored) ? Project.Restore(stored.State).RoleOf(person) : null);

    public Task<ProjectSummary?> SummaryOfAsync(TenantId tenant, ProjectCode code, CancellationToken cancellationToken) =>
        Task.FromResult(_projects.TryGetValue((tenant, code), out var stored) ? Summary(Project.Restore(stored.State), null) : null);

    public Task<IReadOnlyList<ProjectSummary>> ListForPersonAsync(TenantId tenant, PersonId person, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ProjectSummary>>([.. Of(tenant)
            .Where(p => p.RoleOf(person) is not null)
            .Select(p => Summary(p, p.RoleOf(person)))]);

    /// <summary>Stores a project as it is (test set-up).</summary>
    public InMemoryProjects With(TenantId tenant, Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        _projects[(tenant, project.Code)] = (project.ToState(), 1);
        return this;
    }

    private IEnumerable<Project> Of(TenantId tenant) =>
        _projects.Where(p => p.Key.Item1 == tenant).Select(p => Project.Restore(p.Value.State));

    private static ProjectSummary Summary(Project p, ProjectRole? role) =>
        new(p.Code, p.Name, p.Kind, p.Phase, p.Schedule.GoLive, role, p.TimeZone);

    private static string Version(int version) => $"v{version}";
}
