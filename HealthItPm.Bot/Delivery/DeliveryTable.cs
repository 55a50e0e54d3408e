using Azure;
using Azure.Data.Tables;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;

namespace HealthItPm.Bot.Delivery;

/// <summary>A delivery record as read, with the version that guards the next write.</summary>
public sealed record VersionedDelivery(DeliveryRecord Record, string Version, bool Reported = false);

/// <summary>
/// One row per recipient per card: the delivery pipeline's idempotency marker and its report.
/// <para>
/// Table <c>Deliveries</c>: PK <c>{tenant}|{kind}|{subject}</c> (one card's whole audience, so a
/// round's report is one partition query), RK the recipient's AAD object id. Columns: State, Attempts,
/// ClaimedUntil, NextAttemptAt, LastStatus, Failure (why it settled unsent, by name; rows written before
/// it hold a Reason text, not read), Reported (the card's owner was told how it settled), UpdatedAt.
/// Hosts: PK <c>host</c>, RK the host's id, SeenAt — the live hosts share a tenant's send rate. Delivery counts: PK
/// <c>stats</c>, five-minute buckets per host, kept <see cref="PipelineMonitor.StatsKept"/>.
/// </para>
/// </summary>
public sealed class DeliveryTable(StorageTables tables, TimeProvider clock) : IDeliveryLedger, IDeliveryRecords, ILiveHosts
{
    public const string Name = "Deliveries";

    /// <summary>The partition of the live hosts' heartbeats.</summary>
    public const string HostPartition = "host";

    /// <summary>The partition of the hosts' delivery counts: RK <c>{bucket start, yyyyMMddHHmm}|{host}</c>.</summary>
    public const string StatsPartition = "stats";

    public Task<IReadOnlyList<DeliveryRecord>> ListAsync(TenantId tenant, DeliveryTopic topic, CancellationToken cancellationToken) =>
        tables.QueryAsync(
            Name,
            TableClient.CreateQueryFilter($"PartitionKey eq {Partition(tenant, topic)}"),
            row => ToRecord(topic, row),
            cancellationToken);

    public async Task<DeliveryRecord?> GetAsync(
        TenantId tenant, DeliveryTopic topic, PersonId recipient, CancellationToken cancellationToken) =>
        (await ReadAsync(tenant, topic, recipient, cancellationToken))?.Record;

    public async Task<VersionedDelivery?> ReadAsync(
        TenantId tenant, DeliveryTopic topic, PersonId recipient, CancellationToken cancellationToken)
    {
        var row = await tables.ExecuteAsync(
            Name,
            t => t.GetEntityIfExistsAsync<TableEntity>(Partition(tenant, topic), recipient.Value, cancellationToken: cancellationToken),
            cancellationToken);
        return row.HasValue
            ? new VersionedDelivery(ToRecord(topic, row.Value!), row.Value!.ETag.ToString(), row.Value!.GetBoolean("Reported") ?? false)
            : null;
    }

    /// <summary>
    /// Writes the record if nobody wrote it since <paramref name="version"/> was read (null: if it does
    /// not exist yet); the new version, or null when another host got there first.
    /// </summary>
    public async Task<string?> WriteAsync(
        TenantId tenant, DeliveryRecord record, string? version, bool reported, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var row = new TableEntity(Partition(tenant, record.Topic), record.Recipient.Value)
        {
            ["State"] = record.State.ToString(),
            ["Attempts"] = record.Attempts,
            ["ClaimedUntil"] = record.ClaimedUntil,
            ["NextAttemptAt"] = record.NextAttemptAt,
            ["LastStatus"] = record.LastStatus,
            ["Failure"] = record.Failure?.ToString(),
            ["Reported"] = reported,
            ["UpdatedAt"] = record.UpdatedAt,
        };
        return await tables.SaveIfUnchangedAsync(Name, row, version, cancellationToken);
    }

    public Task MarkReportedAsync(TenantId tenant, DeliveryTopic topic, PersonId recipient, CancellationToken cancellationToken) =>
        tables.ExecuteAsync(
            Name,
            t => t.UpdateEntityAsync(
                new TableEntity(Partition(tenant, topic), recipient.Value) { ["Reported"] = true },
                ETag.All,
                TableUpdateMode.Merge,
                cancellationToken),
            cancellationToken);

    /// <summary>
    /// This host is alive; returns the hosts seen within <paramref name="window"/> (itself included), in one order every host
    /// agrees on.
    /// </summary>
    public async Task<IReadOnlyList<string>> HeartbeatAsync(string hostId, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await tables.ExecuteAsync(
            Name,
            t => t.UpsertEntityAsync(
                new TableEntity(HostPartition, hostId) { ["SeenAt"] = now }, TableUpdateMode.Replace, cancellationToken),
            cancellationToken);
        var seen = await tables.QueryAsync(
            Name,
            TableClient.CreateQueryFilter($"PartitionKey eq {HostPartition}"),
            row => (Host: row.RowKey, At: row.GetDateTimeOffset("SeenAt")),
            cancellationToken,
            select: ["RowKey", "SeenAt"]);
        return [.. seen.Where(s => s.At > now - window || s.Host == hostId).Select(s => s.Host).Order(StringComparer.Ordinal)];
    }

    /// <summary>How many hosts beat within <paramref name="window"/>.</summary>
    public async Task<int> LiveHostsAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - window;
        var seen = await tables.QueryAsync(
            Name,
            TableClient.CreateQueryFilter($"PartitionKey eq {HostPartition}"),
            row => row.GetDateTimeOffset("SeenAt"),
            cancellationToken,
            select: ["SeenAt"]);
        return seen.Count(at => at > since);
    }

    /// <summary>This host's counts, one row per bucket, each replaced whole (the host alone writes its rows).</summary>
    public async Task WriteStatsAsync(
        string hostId, IReadOnlyDictionary<DateTimeOffset, IReadOnlyDictionary<string, long>> buckets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        foreach (var (bucket, counts) in buckets)
        {
            var row = new TableEntity(StatsPartition, StatsKey(bucket, hostId));
            foreach (var (key, count) in counts)
            {
                row[key] = count;
            }

            await tables.ExecuteAsync(Name, t => t.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken), cancellationToken);
        }
    }

    /// <summary>
    /// Every host's counts from the bucket starting at <paramref name="since"/> on, summed (the longest wait: the longest).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> ReadStatsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var rows = await tables.QueryAsync(
            Name,
            TableClient.CreateQueryFilter($"PartitionKey eq {StatsPartition} and RowKey ge {StatsKey(since, string.Empty)}"),
            row => row,
            cancellationToken);
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, value) in rows.SelectMany(r => r).Where(c => c.Value is long or int))
        {
            var count = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
            var before = sums.GetValueOrDefault(key);
            sums[key] = key == PipelineStats.LongestRetryAfterKey ? Math.Max(before, count) : before + count;
        }

        return sums;
    }

    /// <summary>
    /// Deletes every host's buckets that start before <paramref name="before"/> (a stopped host's too); a row another host
    /// deleted first is no matter. How many this host deleted.
    /// </summary>
    public async Task<int> DeleteStatsBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var old = await tables.QueryAsync(
            Name,
            TableClient.CreateQueryFilter($"PartitionKey eq {StatsPartition} and RowKey lt {StatsKey(before, string.Empty)}"),
            row => row.RowKey,
            cancellationToken,
            select: ["RowKey"]);
        var deleted = 0;
        foreach (var rowKey in old)
        {
            var response = await tables.ExecuteAsync(
                Name, t => t.DeleteEntityAsync(StatsPartition, rowKey, ETag.All, cancellationToken), cancellationToken);
            deleted += response.Status == 404 ? 0 : 1;
        }

        return deleted;
    }

    /// <summary>A host stopping gives its share back at once instead of when its heartbeat goes stale.</summary>
    public Task LeaveAsync(string hostId, CancellationToken cancellationToken) =>
        tables.ExecuteAsync(Name, t => t.DeleteEntityAsync(HostPartition, hostId, ETag.All, cancellationToken), cancellationToken);

    private static string StatsKey(DateTimeOffset bucket, string hostId) =>
        bucket.UtcDateTime.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture) + "|" + hostId;

    private static string Partition(TenantId tenant, DeliveryTopic topic) => $"{tenant.Value}|{topic.Kind}|{topic.Subject}";

    private static DeliveryRecord ToRecord(DeliveryTopic topic, TableEntity row) => new(
        topic,
        new PersonId(row.RowKey),
        Enum.Parse<DeliveryState>(row.GetString("State")),
        row.GetInt32("Attempts") ?? 0,
        row.GetDateTimeOffset("ClaimedUntil"),
        row.GetDateTimeOffset("NextAttemptAt"),
        row.GetInt32("LastStatus"),
        Enum.TryParse<DeliveryFailure>(row.GetString("Failure"), out var failure) ? failure : null,
        row.GetDateTimeOffset("UpdatedAt") ?? default);
}
