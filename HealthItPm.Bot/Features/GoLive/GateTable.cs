using Azure.Data.Tables;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;

namespace HealthItPm.Bot.Features.GoLive;

/// <summary>
/// Go-live gates.
/// <para>
/// Table <c>GoLiveGates</c>: PK <c>gate</c>, RK <c>{tenant}|{CODE}</c> — one project's gate as one JSON document
/// (<see cref="GateDocument"/>), ETag-guarded, with its date in a column (<c>Date</c>, yyyy-MM-dd) so the scheduler
/// reads only gates whose date has not passed. One gate per project, so the partition holds as many rows as there
/// are projects with a gate.
/// </para>
/// </summary>
public sealed class GateTable(StorageTables tables, TimeProvider clock) : IGateStore
{
    public const string Name = "GoLiveGates";

    private const string Partition = "gate";

    public async Task<VersionedGate?> GetAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken)
    {
        var row = await tables.ExecuteAsync(
            Name,
            t => t.GetEntityIfExistsAsync<TableEntity>(Partition, Key(tenant, project), cancellationToken: cancellationToken),
            cancellationToken);
        return row.HasValue ? ToGate(row.Value!) : null;
    }

    public async Task<bool> SaveAsync(TenantId tenant, GoLiveGate gate, string? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gate);
        var row = new TableEntity(Partition, Key(tenant, gate.Project))
        {
            ["Tenant"] = tenant.Value,
            ["Date"] = DateText(gate.Date),
        };
        StoredDocument.Write(row, GateDocument.From(gate));
        return await tables.SaveIfUnchangedAsync(Name, row, version, cancellationToken) is not null;
    }

    public Task<IReadOnlyList<VersionedGate>> ListAllAsync(CancellationToken cancellationToken)
    {
        // A day's margin: a project's today may be a day behind UTC's.
        var from = DateText(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1));
        return tables.QueryAsync(
            Name,
            TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Date ge {from}"),
            ToGate,
            cancellationToken);
    }

    private static VersionedGate ToGate(TableEntity row) => new(
        new TenantId(row.GetString("Tenant")),
        (StoredDocument.Read<GateDocument>(row) ?? throw new InvalidOperationException("A gate row holds no document.")).ToGate(),
        row.ETag.ToString());

    private static string Key(TenantId tenant, ProjectCode project) => TableKeys.Escape($"{tenant.Value}|{project.Value}");

    private static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
