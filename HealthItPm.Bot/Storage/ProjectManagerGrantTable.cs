using Azure.Data.Tables;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Security;

namespace HealthItPm.Bot.Storage;

/// <summary>
/// Admins' grants of the right to create projects.
/// <para>
/// Table <c>ProjectManagerGrants</c>: PartitionKey = tenant id; RowKey = the person's object id. Checking
/// one person is a point read; a tenant's grants are its partition. Columns: <c>Name</c>,
/// <c>GrantedBy</c>, <c>GrantedAt</c>.
/// </para>
/// </summary>
public sealed class ProjectManagerGrantTable(StorageTables tables) : IProjectManagerGrants
{
    public const string Name = "ProjectManagerGrants";

    public async Task<bool> IsGrantedAsync(TenantId tenant, PersonId person, CancellationToken cancellationToken) =>
        (await tables.ExecuteAsync(
            Name,
            t => t.GetEntityIfExistsAsync<TableEntity>(
                tenant.Value, person.Value, select: ["RowKey"], cancellationToken: cancellationToken),
            cancellationToken)).HasValue;

    public Task GrantAsync(TenantId tenant, ProjectManagerGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var row = new TableEntity(tenant.Value, grant.Person.Value)
        {
            ["Name"] = grant.Name,
            ["GrantedBy"] = grant.GrantedBy.Value,
            ["GrantedAt"] = grant.GrantedAt,
        };
        return tables.ExecuteAsync(Name, t => t.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken), cancellationToken);
    }

    public Task<IReadOnlyList<ProjectManagerGrant>> ListAsync(TenantId tenant, CancellationToken cancellationToken) =>
        tables.QueryAsync(
            Name,
            TableClient.CreateQueryFilter($"PartitionKey eq {tenant.Value}"),
            row => new ProjectManagerGrant(
                new PersonId(row.RowKey),
                row.GetString("Name"),
                new PersonId(row.GetString("GrantedBy")),
                row.GetDateTimeOffset("GrantedAt")!.Value),
            cancellationToken);
}
