using Azure;
using Azure.Data.Tables;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Bot.Rounds;

/// <summary>
/// The keys of anonymous rounds that are open, in table <c>RoundKeys</c>: PK <c>{tenant}|{CODE}</c>, RK
/// <c>{kind}|{roundId}</c>, column <c>Key</c>. Apart from the answers (table <c>CheckIns</c>) so that reading
/// the answers never gives what links them to people, and deleted when the round closes, after which
/// nobody, with any access, can tell whose answer is whose.
/// </summary>
public sealed class AnonymityKeyTable(StorageTables tables)
{
    public const string Name = "RoundKeys";

    private const string KeyColumn = "Key";

    /// <summary>
    /// Keeps the round's key, unless another host opening the same round kept one first (the first stays); true
    /// when this call kept it.
    /// </summary>
    public async Task<bool> AddAsync(TenantId tenant, Round round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (round.AnonymityKey is not { } key)
        {
            return false;
        }

        try
        {
            var row = new TableEntity(Partition(tenant, round.Project), RowKey(round.Kind, round.Id)) { [KeyColumn] = key };
            await tables.ExecuteAsync(Name, t => t.AddEntityAsync(row, cancellationToken), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<string?> GetAsync(
        TenantId tenant, ProjectCode project, RoundKind kind, string roundId, CancellationToken cancellationToken)
    {
        var row = await tables.ExecuteAsync(
            Name,
            t => t.GetEntityIfExistsAsync<TableEntity>(
                Partition(tenant, project), RowKey(kind, roundId), cancellationToken: cancellationToken),
            cancellationToken);
        return row.HasValue ? row.Value!.GetString(KeyColumn) : null;
    }

    /// <summary>Destroys the round's key (nothing happens when it is already gone).</summary>
    public Task DestroyAsync(TenantId tenant, ProjectCode project, RoundKind kind, string roundId, CancellationToken cancellationToken) =>
        tables.ExecuteAsync(
            Name,
            t => t.DeleteEntityAsync(Partition(tenant, project), RowKey(kind, roundId), ETag.All, cancellationToken),
            cancellationToken);

    private static string Partition(TenantId tenant, ProjectCode project) => $"{tenant.Value}|{project.Value}";

    private static string RowKey(RoundKind kind, string roundId) => $"{kind.Name.ToLowerInvariant()}|{roundId}";
}
