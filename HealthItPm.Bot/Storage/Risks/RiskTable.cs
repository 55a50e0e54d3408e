using System.Globalization;
using Azure;
using Azure.Data.Tables;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Ports;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Storage.Risks;

/// <summary>
/// The risk registers.
/// <para>
/// Table <c>Risks</c>: PK <c>{tenant}|{CODE}</c>, RK <c>risk|{number, 6 digits}</c> — a risk and its whole
/// history as one JSON document, ETag-guarded; a project's register is its partition's range.
/// RK <c>counter</c> — the last number handed out, incremented with its ETag so no number repeats.
/// RK <c>concern|{number}</c> — a concern raised by anyone on the project, with its triage (counter <c>concern-counter</c>).
/// RK <c>changed|{yyyyMMdd}|{number}</c> — the UTC day of a risk's latest event, written in the same transaction as
/// the risk: a week's changes are a range of days, so the digest never reads the register's older history.
/// PK <c>watch</c>, RK <c>{tenant}|{CODE}|{number}</c> — the risks the escalation policy still watches or
/// whose outbox still holds notices (removed once settled and delivered), so the scheduler never reads settled risks.
/// </para>
/// </summary>
public sealed class RiskTable(StorageTables tables) : IRiskStore
{
    public const string Name = "Risks";

    private const string WatchPartition = "watch";
    private const string ChangedPrefix = "changed|";

    public Task<int> NextNumberAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken) =>
        NextAsync(Partition(tenant, project), "counter", cancellationToken);

    public Task<int> NextConcernNumberAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken) =>
        NextAsync(Partition(tenant, project), "concern-counter", cancellationToken);

    public async Task AddConcernAsync(TenantId tenant, Concern concern, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(concern);
        await tables.ExecuteAsync(Name, t => t.AddEntityAsync(ConcernRow(tenant, concern), cancellationToken), cancellationToken);
    }

    public async Task<(Concern Concern, string Version)?> GetConcernAsync(TenantId tenant, ProjectCode project, int number, CancellationToken cancellationToken)
    {
        var row = await tables.ExecuteAsync(Name, t => t.GetEntityIfExistsAsync<TableEntity>(Partition(tenant, project), ConcernKey(number), cancellationToken: cancellationToken), cancellationToken);
        return row.HasValue ? (StoredDocument.Read<ConcernDocument>(row.Value!)!.ToConcern(), row.Value!.ETag.ToString()) : null;
    }

    public async Task<bool> SaveConcernAsync(TenantId tenant, Concern concern, string version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(concern);
        try
        {
            await tables.ExecuteAsync(Name, t => t.UpdateEntityAsync(ConcernRow(tenant, concern), new ETag(version), TableUpdateMode.Replace, cancellationToken), cancellationToken);
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
            var row = await tables.ExecuteAsync(Name, t => t.GetEntityIfExistsAsync<TableEntity>(partition, counterKey, cancellationToken: cancellationToken), cancellationToken);
            var next = (row.HasValue ? row.Value!.GetInt32("Last") ?? 0 : 0) + 1;
            var counter = new TableEntity(partition, counterKey) { ["Last"] = next };
            try
            {
                await tables.ExecuteAsync(
                    Name,
                    t => row.HasValue ? t.UpdateEntityAsync(counter, row.Value!.ETag, TableUpdateMode.Replace, cancellationToken) : t.AddEntityAsync(counter, cancellationToken),
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
        await tables.ExecuteAsync(Name, t => t.SubmitTransactionAsync([new(TableTransactionActionType.Add, Row(tenant, risk)), Changed(tenant, risk)], cancellationToken), cancellationToken);
    }

    public async Task<VersionedRisk?> GetAsync(TenantId tenant, RiskId id, CancellationToken cancellationToken)
    {
        var row = await tables.ExecuteAsync(Name, t => t.GetEntityIfExistsAsync<TableEntity>(Partition(tenant, id.Project), Key(id.Number), cancellationToken: cancellationToken), cancellationToken);
        return row.HasValue ? new VersionedRisk(ToRisk(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async Task<bool> SaveAsync(TenantId tenant, VersionedRisk risk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(risk);
        try
        {
            await tables.ExecuteAsync(Name, t => t.SubmitTransactionAsync([new(TableTransactionActionType.UpdateReplace, Row(tenant, risk.Risk), new ETag(risk.Version)), Changed(tenant, risk.Risk)], cancellationToken), cancellationToken);
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
    /// The watch rows of the project (a superset of its open risks) and the days from <paramref name="since"/>
    /// on, then a point read of each risk they name: two range queries and one read per open or recent risk.
    /// </summary>
    public async Task<IReadOnlyList<Risk>> OpenOrChangedSinceAsync(TenantId tenant, ProjectCode project, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var partition = Partition(tenant, project);
        var watched = tables.QueryAsync(Name, StorageTables.PrefixFilter(WatchPartition, partition + "|"), row => row.GetInt32("Number")!.Value, cancellationToken, select: ["Number"]);
        var changed = tables.QueryAsync(
            Name,
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {ChangedKey(since)} and RowKey lt {TableKeys.PrefixUpperBound(ChangedPrefix)}"),
            row => row.GetInt32("Number")!.Value,
            cancellationToken,
            select: ["Number"]);
        var numbers = (await watched).Concat(await changed).Distinct().Order();
        var risks = await Task.WhenAll(numbers.Select(n => GetAsync(tenant, new RiskId(project, n), cancellationToken)));
        return [.. risks.OfType<VersionedRisk>().Select(r => r.Risk).Where(r => r.IsOpen || r.History[^1].At >= since)];
    }

    public Task<IReadOnlyList<(TenantId Tenant, RiskId Id)>> WatchedAsync(CancellationToken cancellationToken) =>
        tables.QueryAsync(
            Name,
            TableClient.CreateQueryFilter($"PartitionKey eq {WatchPartition}"),
            row => (new TenantId(row.GetString("Tenant")), new RiskId(new ProjectCode(row.GetString("Project")), row.GetInt32("Number")!.Value)),
            cancellationToken);

    private Task<Response> WatchAsync(TenantId tenant, Risk risk, CancellationToken cancellationToken)
    {
        var key = $"{Partition(tenant, risk.Id.Project)}|{risk.Id.Number}";
        return !risk.NeedsWatching
            ? tables.ExecuteAsync(Name, t => t.DeleteEntityAsync(WatchPartition, key, ETag.All, cancellationToken), cancellationToken)
            : tables.ExecuteAsync(
                Name,
                t => t.UpsertEntityAsync(new TableEntity(WatchPartition, key) { ["Tenant"] = tenant.Value, ["Project"] = risk.Id.Project.Value, ["Number"] = risk.Id.Number }, TableUpdateMode.Replace, cancellationToken),
                cancellationToken);
    }

    private static string Partition(TenantId tenant, ProjectCode project) => $"{tenant.Value}|{project.Value}";

    private static string Key(int number) => "risk|" + number.ToString("D6", CultureInfo.InvariantCulture);

    private static string ChangedKey(DateTimeOffset day) => ChangedPrefix + day.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    // Upserted with every save: a risk changed several times in a day has one row for it.
    private static TableTransactionAction Changed(TenantId tenant, Risk risk) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(Partition(tenant, risk.Id.Project), $"{ChangedKey(risk.History[^1].At)}|{risk.Id.Number.ToString("D6", CultureInfo.InvariantCulture)}") { ["Number"] = risk.Id.Number });

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
