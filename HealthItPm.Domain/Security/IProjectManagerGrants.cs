using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Security;

/// <summary>Someone an admin allowed to create projects.</summary>
public sealed record ProjectManagerGrant(PersonId Person, string Name, PersonId GrantedBy, DateTimeOffset GrantedAt);

/// <summary>The admins' grants of the right to create projects, per hospital (tenant).</summary>
public interface IProjectManagerGrants
{
    Task<bool> IsGrantedAsync(TenantId tenant, PersonId person, CancellationToken cancellationToken);

    /// <summary>Grants (again, harmlessly, if already granted).</summary>
    Task GrantAsync(TenantId tenant, ProjectManagerGrant grant, CancellationToken cancellationToken);

    Task<IReadOnlyList<ProjectManagerGrant>> ListAsync(TenantId tenant, CancellationToken cancellationToken);
}
