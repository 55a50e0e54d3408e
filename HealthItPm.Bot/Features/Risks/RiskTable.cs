using System.Globalization;
using Azure;
using Azure.Data.Tables;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Features.Risks;

/// <summary>
/// The risk registers.
/// <para>
/// Table <c>Risks</c>: PK <c>{tenant}|{CODE}</c>, RK <c>risk|{number, 6 digits}</c> — a risk and its whole
/// history as one JSON document, ETag-guarded; a project's register is its partition's range.
/// RK <c>counter</c> — the last number handed out, incremented with its ETag so no number repeats.
/// RK <c>concern|{number}</c> — a concern raised by anyone on the project, with its triage (counter
/// <c>concern-counter</c>).
/// RK <c>index|{number / 200}</c> — one column <c>R{number}</c> per risk: the UTC ticks of its latest event, negated
/// once it is closed, merged in the same transaction as the risk. The digest finds the open and the recently changed
/// risks by point reads of these rows (one per 200 risks logged), never a query: a key-range query costs what the
/// whole table holds on the emulator.
/// PK <c>watch</c>, RK <c>{tenant}|{CODE}|{number}</c> — the risks the escalation policy still watches or
/// whose outbox still holds notices (removed once settled and delivered), so the scheduler never reads settled risks.
/// </para>
/// </summary>
public sealed class RiskTable(StorageTables tables) : IRiskStore
{
    public const string Name = "Risks";

    private const string WatchPartition = "watch";
    private const int IndexBucket = 200;

    public Task<int> NextNumberAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken) =>
        NextAsync(Partition(tenant, project), "counter", cancellationToken);

    public Task<int> NextConcernNumberAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken) =>
        NextAsync(Partition(tenant, project), "concern-counter", cancellationToken);

    public async Task AddConcernAsync(TenantId tenant, Concern concern, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(concern);
        await tables.ExecuteAsync(Name, t => t.AddEntityAsync(ConcernRow(tenant, concern), cancellationToken), cancellationToken);
    }

    public async Task<(Concern Concern, string Version)?> GetConcernAsync(
        TenantId tenant, ProjectCode project, int number, CancellationToken cancellationToken)
    {
        var row = await tables.ExecuteAsync(
            Name,
            t => t.GetEntityIfExistsAsync<TableEntity>(
                Partition(tenant, project), ConcernKey(number), cancellationToken: cancellationToken),
            cancellationToken);
        return row.HasValue ? (StoredDocument.Read<ConcernDocument>(row.Value!)!.ToConcern(), row.Value!.ETag.ToString()) : null;
    }

    public async Task<bool> SaveConcernAsync(TenantId tenant, Concern concern, string version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(concern);
        try
        {
            await tables.ExecuteAsync(
                Name,
                t => t.UpdateEntityAsync(ConcernRow(tenant, concern), new ETag(version), TableUpdateMode.Replace, cancellationToken),
                cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    private async Task<int> NextAsync(string partition, string counterKey, CancellationToken cancellationToken)
    {
        while (true)
        {
            var row = await tables.ExecuteAsync(
                Name,
                t => t.GetEntityIfExistsAsync<TableEntity>(partition, counterKey, cancellationToken: cancellationToken),
                cancellationToken);
            var next = (row.HasValue ? row.Value!.GetInt32("Last") ?? 0 : 0) + 1;
            var counter = new TableEntity(partition, counterKey) { ["Last"] = next };
            try
            {
                await tables.ExecuteAsync(
                    Name,
                    t => row.HasValue
                        ? t.UpdateEntityAsync(counter, row.Value!.ETag, TableUpdateMode.Replace, cancellationToken)
                        : t.AddEntityAsync(counter, cancellationToken),
                    cancellationToken);
                return next;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another PM took this number at the same moment: read the counter again.
            }
        }
    }

    public async Task AddAsync(TenantId tenant, Risk risk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(risk);
        // Watched first: if storage fails between the two writes, a risk is never left unwatched (a
        // watch row without its risk is skipped by the policy).
        await WatchAsync(tenant, risk, cancellationToken);
        await tables.ExecuteAsync(
            Name,
            t => t.SubmitTransactionAsync(
                [
                    new(TableTransactionActionType.Add, Row(tenant, risk)),
                    Indexed(tenant, risk),
                ],
                cancellationToken),
            cancellationToken);
    }

    public async Task<VersionedRisk?> GetAsync(TenantId tenant, RiskId id, CancellationToken cancellationToken)
    {
        var row = await tables.ExecuteAsync(
            Name,
            t => t.GetEntityIfExistsAsync<TableEntity>(Partition(tenant, id.Project), Key(id.Number), cancellationToken: cancellationToken),
            cancellationToken);
        return row.HasValue ? new VersionedRisk(ToRisk(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async Task<bool> SaveAsync(TenantId tenant, VersionedRisk risk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(risk);
        try
        {
            await tables.ExecuteAsync(
                Name,
                t => t.SubmitTransactionAsync(
                    [
                        new(TableTransactionActionType.UpdateReplace, Row(tenant, risk.Risk), new ETag(risk.Version)),
                        Indexed(tenant, risk.Risk),
                    ],
                    cancellationToken),
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }

        await WatchAsync(tenant, risk.Risk, cancellationToken);
        return true;
    }

    public Task<IReadOnlyList<Risk>> ListAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken) =>
        tables.QueryAsync(Name, StorageTables.PrefixFilter(Partition(tenant, project), "risk|"), ToRisk, cancellationToken);

    /// <summary>
    /// The project's index rows, then a point read of each risk open or changed since <paramref name="since"/>:
    /// point reads only, one per 200 risks logged and one per risk shown.
    /// </summary>
    public async Task<IReadOnlyList<Risk>> OpenOrChangedSinceAsync(
        TenantId tenant, ProjectCode project, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var partition = Partition(tenant, project);
        var counter = await tables.ExecuteAsync(
            Name,
            t => t.GetEntityIfExistsAsync<TableEntity>(partition, "counter", cancellationToken: cancellationToken),
            cancellationToken);
        var last = counter.HasValue ? counter.Value!.GetInt32("Last") ?? 0 : 0;
        var buckets = await Task.WhenAll(Enumerable.Range(0, (last / IndexBucket) + 1).Select(async b =>
            await tables.ExecuteAsync(
                Name,
                t => t.GetEntityIfExistsAsync<TableEntity>(partition, IndexKey(b), cancellationToken: cancellationToken),
                cancellationToken)));
        var entries = buckets.Where(b => b.HasValue).SelectMany(b => b.Value!
            .Where(c => c.Key.StartsWith('R') && c.Value is long)
            .Select(c => (Number: int.Parse(c.Key[1..], CultureInfo.InvariantCulture), Latest: (long)c.Value)));

        // The index names candidates; each risk's own document decides (an index entry may lag behind it).
        var numbers = entries.Where(e => e.Latest > 0 || -e.Latest >= since.UtcTicks).Select(e => e.Number).Order();
        var risks = await Task.WhenAll(numbers.Select(n => GetAsync(tenant, new RiskId(project, n), cancellationToken)));
        return [.. risks.OfType<VersionedRisk>().Select(r => r.Risk).Where(r => r.IsOpen || r.History[^1].At >= since)];
    }

    public Task<IReadOnlyList<(TenantId Tenant, RiskId Id)>> WatchedAsync(CancellationToken cancellationToken) =>
        tables.QueryAsync(
            Name,
            TableClient.CreateQueryFilter($"PartitionKey eq {WatchPartition}"),
            row => (
                new TenantId(row.GetString("Tenant")),
                new RiskId(new ProjectCode(row.GetString("Project")), row.GetInt32("Number")!.Value)),
            cancellationToken);

    private Task<Response> WatchAsync(TenantId tenant, Risk risk, CancellationToken cancellationToken)
    {
        var key = $"{Partition(tenant, risk.Id.Project)}|{risk.Id.Number}";
        return !risk.NeedsWatching
            ? tables.ExecuteAsync(Name, t => t.DeleteEntityAsync(WatchPartition, key, ETag.All, cancellationToken), cancellationToken)
            : tables.ExecuteAsync(
                Name,
                t => t.UpsertEntityAsync(
                    new TableEntity(WatchPartition, key)
                    {
                        ["Tenant"] = tenant.Value,
                        ["Project"] = risk.Id.Project.Value,
                        ["Number"] = risk.Id.Number,
                    },
                    TableUpdateMode.Replace,
                    cancellationToken),
                cancellationToken);
    }

    private static string Partition(TenantId tenant, ProjectCode project) => $"{tenant.Value}|{project.Value}";

    private static string Key(int number) => "risk|" + number.ToString("D6", CultureInfo.InvariantCulture);

    private static string IndexKey(int bucket) => "index|" + bucket.ToString("D4", CultureInfo.InvariantCulture);

    private static string IndexColumn(int number) => "R" + number.ToString(CultureInfo.InvariantCulture);

    private static long IndexValue(Risk risk) => risk.IsOpen ? risk.History[^1].At.UtcTicks : -risk.History[^1].At.UtcTicks;

    // Merged with every save, so saves of different risks never contend.
    private static TableTransactionAction Indexed(TenantId tenant, Risk risk) => new(
        TableTransactionActionType.UpsertMerge,
        new TableEntity(Partition(tenant, risk.Id.Project), IndexKey(risk.Id.Number / IndexBucket))
        {
            [IndexColumn(risk.Id.Number)] = IndexValue(risk),
        });

    private static string ConcernKey(int number) => "concern|" + number.ToString("D6", CultureInfo.InvariantCulture);

    private static TableEntity ConcernRow(TenantId tenant, Concern concern)
    {
        var row = new TableEntity(Partition(tenant, concern.Project), ConcernKey(concern.Number));
        StoredDocument.Write(row, ConcernDocument.From(concern));
        return row;
    }

    private static TableEntity Row(TenantId tenant, Risk risk)
    {
        var row = new TableEntity(Partition(tenant, risk.Id.Project), Key(risk.Id.Number));
        StoredDocument.Write(row, RiskDocument.From(risk.ToState()));
        return row;
    }

    private static Risk ToRisk(TableEntity row) => Risk.Restore(StoredDocument.Read<RiskDocument>(row)!.ToState());
}
