using System.Globalization;
using Azure;
using Azure.Data.Tables;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Digests;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Bot.Features.Digests;

/// <summary>
/// Digest subscriptions and weekly project snapshots.
/// <para>
/// Table <c>Digests</c>: PK <c>subscription</c>, RK <c>{tenant}|{aadObjectId}</c> — one leader's
/// subscription (portfolio flag, project codes, day, hour, time zone, the last week handed to the
/// delivery pipeline), ETag-guarded; the scheduler reads the partition each tick (one row per leader).
/// PK <c>{tenant}|{ISO week}</c> (e.g. <c>…|2026-W49</c>), RK <c>{CODE}</c> — what the first digest of
/// that week showed of a project (its RAG), added once (409 keeps the first): a digest
/// reads last week's partition only, so its cost does not grow with the weeks of history.
/// </para>
/// </summary>
public sealed class DigestTable(StorageTables tables) : IDigestStore
{
    public const string Name = "Digests";

    private const string SubscriptionPartition = "subscription";

    public async Task<StoredSubscription?> GetAsync(TenantId tenant, PersonId leader, CancellationToken cancellationToken)
    {
        var row = await tables.ExecuteAsync(
            Name,
            t => t.GetEntityIfExistsAsync<TableEntity>(SubscriptionPartition, Key(tenant, leader), cancellationToken: cancellationToken),
            cancellationToken);
        return row.HasValue ? ToSubscription(row.Value!) : null;
    }

    public async Task<bool> SaveAsync(DigestSubscription subscription, string? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var row = Row(subscription);
        return await tables.SaveIfUnchangedAsync(Name, row, version, cancellationToken) is not null;
    }

    public async Task<bool> RemoveAsync(TenantId tenant, PersonId leader, CancellationToken cancellationToken)
    {
        // Deleting a row that is not there answers 404 without throwing.
        var response = await tables.ExecuteAsync(
            Name, t => t.DeleteEntityAsync(SubscriptionPartition, Key(tenant, leader), ETag.All, cancellationToken), cancellationToken);
        return response.Status != 404;
    }

    public Task<IReadOnlyList<StoredSubscription>> ListAllAsync(CancellationToken cancellationToken) =>
        tables.QueryAsync(
            Name, TableClient.CreateQueryFilter($"PartitionKey eq {SubscriptionPartition}"), ToSubscription, cancellationToken);

    public Task<IReadOnlyList<StoredSubscription>> ListAsync(TenantId tenant, CancellationToken cancellationToken) =>
        tables.QueryAsync(Name, StorageTables.PrefixFilter(SubscriptionPartition, tenant.Value + "|"), ToSubscription, cancellationToken);

    public async Task<bool> MarkQueuedAsync(StoredSubscription subscription, IsoWeek week, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var row = new TableEntity(SubscriptionPartition, Key(subscription.Subscription.Tenant, subscription.Subscription.Leader))
        {
            ["LastWeek"] = week.ToString(),
        };
        try
        {
            await tables.ExecuteAsync(
                Name,
                t => t.UpdateEntityAsync(row, new ETag(subscription.Version), TableUpdateMode.Merge, cancellationToken),
                cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<ProjectWeekSnapshot>> SnapshotsAsync(
        TenantId tenant, IsoWeek week, IReadOnlyCollection<ProjectCode> projects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(projects);
        if (projects.Count == 0)
        {
            return [];
        }

        var wanted = projects.ToHashSet();
        var all = await tables.QueryAsync(
            Name,
            TableClient.CreateQueryFilter($"PartitionKey eq {WeekPartition(tenant, week)}"),
            r => ToSnapshot(r, week),
            cancellationToken);
        return [.. all.Where(s => wanted.Contains(s.Project))];
    }

    public async Task AddSnapshotsAsync(TenantId tenant, IReadOnlyList<ProjectWeekSnapshot> snapshots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        foreach (var group in snapshots.GroupBy(s => s.Week))
        {
            var partition = WeekPartition(tenant, group.Key);
            var existing = (await tables.QueryAsync(
                    Name,
                    TableClient.CreateQueryFilter($"PartitionKey eq {partition}"),
                    r => r.RowKey,
                    cancellationToken,
                    select: ["RowKey"]))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var chunk in group.Where(s => !existing.Contains(s.Project.Value)).Chunk(100))
            {
                try
                {
                    await tables.ExecuteAsync(
                        Name,
                        t => t.SubmitTransactionAsync(
                            chunk.Select(s => new TableTransactionAction(TableTransactionActionType.Add, SnapshotRow(tenant, s))),
                            cancellationToken),
                        cancellationToken);
                }
                catch (TableTransactionFailedException e) when (e.Status == 409)
                {
                    // Another digest of the same week stored some at the same moment: add the rest one by one, keeping theirs.
                    foreach (var snapshot in chunk)
                    {
                        try
                        {
                            await tables.ExecuteAsync(
                                Name, t => t.AddEntityAsync(SnapshotRow(tenant, snapshot), cancellationToken), cancellationToken);
                        }
                        catch (RequestFailedException one) when (one.Status == 409)
                        {
                        }
                    }
                }
            }
        }
    }

    private static string Key(TenantId tenant, PersonId leader) => $"{tenant.Value}|{leader.Value}";

    private static string WeekPartition(TenantId tenant, IsoWeek week) => $"{tenant.Value}|{week}";

    private static TableEntity Row(DigestSubscription s) => new(SubscriptionPartition, Key(s.Tenant, s.Leader))
    {
        ["Tenant"] = s.Tenant.Value,
        ["Leader"] = s.Leader.Value,
        ["Portfolio"] = s.Portfolio,
        ["Projects"] = string.Join(',', s.Projects.Select(p => p.Value)),
        ["Day"] = s.Day.ToString(),
        ["Hour"] = s.Hour,
        ["TimeZone"] = s.TimeZone,
        ["LastWeek"] = s.LastWeek?.ToString(),
    };

    private static StoredSubscription ToSubscription(TableEntity row) => new(
        new DigestSubscription(
            new TenantId(row.GetString("Tenant")),
            new PersonId(row.GetString("Leader")),
            row.GetBoolean("Portfolio") ?? false,
            [.. (row.GetString("Projects") ?? string.Empty)
                .Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(c => new ProjectCode(c))],
            Enum.Parse<DayOfWeek>(row.GetString("Day") ?? nameof(DayOfWeek.Monday)),
            row.GetInt32("Hour") ?? DigestSubscription.DefaultHour,
            row.GetString("TimeZone") ?? "UTC",
            IsoWeek.TryParse(row.GetString("LastWeek"), out var last) ? last : null),
        row.ETag.ToString());

    private static TableEntity SnapshotRow(TenantId tenant, ProjectWeekSnapshot s) => new(WeekPartition(tenant, s.Week), s.Project.Value)
    {
        ["Rag"] = s.Rag?.ToString(),
        ["Gate"] = s.Gate is null ? null : string.Join(',', s.Gate.Select(k => $"{k.Number}:{k.State}")),
    };

    private static ProjectWeekSnapshot ToSnapshot(TableEntity row, IsoWeek week) => new(
        new ProjectCode(row.RowKey),
        week,
        Enum.TryParse<Rag>(row.GetString("Rag"), out var rag) ? rag : null,
        GateOf(row.GetString("Gate")));

    // "3:Met,5:AtRisk": each criterion's number and state; null (no gate kept) when absent or unreadable.
    private static List<KeptCriterion>? GateOf(string? column)
    {
        if (column is null)
        {
            return null;
        }

        var kept = new List<KeptCriterion>();
        foreach (var item in column.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split(':');
            if (parts.Length != 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                || !Enum.TryParse<CriterionState>(parts[1], out var state))
            {
                return null;
            }

            kept.Add(new KeptCriterion(number, state));
        }

        return kept;
    }
}
