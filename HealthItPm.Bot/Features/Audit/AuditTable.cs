using System.Globalization;
using Azure.Data.Tables;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;

namespace HealthItPm.Bot.Features.Audit;

/// <summary>
/// The append-only audit log.
/// <para>
/// Table <c>Audit</c>: PartitionKey = <c>{tenant}|{yyyyMM}</c> (a tenant's month, UTC); RowKey =
/// <c>{inverted ticks}|{unique suffix}</c>, so a partition reads newest first and two entries in the
/// same tick never collide. Rows are only ever added (<c>AddEntity</c>), never updated or deleted.
/// Columns: <c>At</c>, <c>By</c> (object id), <c>Kind</c> (its name), <c>Project</c> (code or empty),
/// <c>Subject</c> (an id, or empty), <c>Field</c> (which text of the subject, for removed patient details).
/// </para>
/// </summary>
public sealed class AuditTable(StorageTables tables) : IAuditLog
{
    public const string Name = "Audit";

    // Azure Tables takes at most 100 operations in one entity-group transaction.
    public const int MaxBatch = 100;

    /// <summary>One entry, written at once: what the host's <see cref="AuditWriter"/> does when it is not running.</summary>
    public Task AppendAsync(TenantId tenant, AuditEntry entry, CancellationToken cancellationToken) =>
        tables.ExecuteAsync(Name, t => t.AddEntityAsync(Row(tenant, entry), cancellationToken), cancellationToken);

    /// <summary>
    /// The row of an entry, its key made once: a batch tried again after an answer that never came adds the same
    /// rows, and finds them there, rather than adding them twice.
    /// </summary>
    public static TableEntity Row(TenantId tenant, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new TableEntity(PartitionKey(tenant, Month(entry.At)), $"{Key(Inverted(entry.At))}|{Guid.NewGuid():N}")
        {
            ["At"] = entry.At,
            ["By"] = entry.By.Value,
            ["Kind"] = entry.Kind.Name,
            ["Project"] = entry.Project?.Value ?? string.Empty,
            ["Subject"] = entry.Subject ?? string.Empty,
            ["Field"] = entry.Field?.ToString(),
        };
    }

    /// <summary>
    /// Rows of one partition (at most <see cref="MaxBatch"/>) in one entity-group transaction: all or none. A batch
    /// whose rows are already there (an earlier try was saved but its answer lost) is taken as written: every row
    /// key is new, so only that try can have added one.
    /// </summary>
    public async Task AddBatchAsync(IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count is 0 or > MaxBatch || rows.Any(r => r.PartitionKey != rows[0].PartitionKey))
        {
            throw new ArgumentException($"A batch is 1 to {MaxBatch} rows of one partition.", nameof(rows));
        }

        var adds = rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)).ToList();
        try
        {
            await tables.ExecuteAsync(Name, t => t.SubmitTransactionAsync(adds, cancellationToken), cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            // Written by the earlier try: nothing is missing.
        }
    }

    /// <summary>
    /// One partition query per month of the span at most: a cursor (<see cref="AuditQuery.After"/>) names a
    /// month, and one that is not a month of the span — edited on the card, or from another span — continues
    /// nothing (null), rather than walking the months from wherever it says.
    /// </summary>
    public async Task<AuditPage?> ReadAsync(TenantId tenant, AuditQuery query, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var since = new DateTimeOffset(query.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var until = new DateTimeOffset(query.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var (first, last) = (Month(since), Month(until.AddTicks(-1)));
        var cursor = Cursor(query.After);
        if (query.After is not null
            && (cursor is not { Month: var from } || string.CompareOrdinal(from, first) < 0 || string.CompareOrdinal(from, last) > 0))
        {
            return null;
        }

        var (month, after) = cursor ?? (last, null);
        var found = new List<(string Month, string RowKey, AuditEntry Entry)>();
        for (; string.CompareOrdinal(month, first) >= 0 && found.Count <= pageSize; month = Previous(month), after = null)
        {
            // Newer than the end of the span sorts first (a smaller inverted tick): keys from the end's to the start's.
            var (newest, oldest) = (Key(Inverted(until) + 1), Key(Inverted(since) + 1));
            var filter = TableClient.CreateQueryFilter(
                    $"PartitionKey eq {PartitionKey(tenant, month)} and RowKey ge {newest} and RowKey lt {oldest}")
                + (after is null ? string.Empty : " and " + TableClient.CreateQueryFilter($"RowKey gt {after}"))
                + (query.Project is { } project ? " and " + TableClient.CreateQueryFilter($"Project eq {project.Value}") : string.Empty);
            var rows = await tables.QueryAsync(
                Name, filter, row => (month, row.RowKey, Entry(row)), cancellationToken, take: pageSize + 1 - found.Count);
            found.AddRange(rows);
        }

        return found.Count > pageSize
            ? new AuditPage([.. found.Take(pageSize).Select(f => f.Entry)], $"{found[pageSize - 1].Month}|{found[pageSize - 1].RowKey}")
            : new AuditPage([.. found.Select(f => f.Entry)], null);
    }

    private static AuditEntry Entry(TableEntity row) => new(
        row.GetDateTimeOffset("At")!.Value,
        new PersonId(row.GetString("By")),
        new AuditKind(row.GetString("Kind")),
        row.GetString("Project") is { Length: > 0 } code ? new ProjectCode(code) : null,
        row.GetString("Subject") is { Length: > 0 } subject ? subject : null)
    {
        Field = Enum.TryParse<RemovableText>(row.GetString("Field"), out var field) ? field : null,
    };

    private static string PartitionKey(TenantId tenant, string month) => $"{tenant.Value}|{month}";

    private static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture);

    private static string Previous(string month) =>
        DateTime.ParseExact(month, "yyyyMM", CultureInfo.InvariantCulture).AddMonths(-1).ToString("yyyyMM", CultureInfo.InvariantCulture);

    private static long Inverted(DateTimeOffset at) => DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks;

    private static string Key(long invertedTicks) => invertedTicks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>
    /// Where the previous page ended: its month (a real one) and last row key (the text of <see cref="AuditPage.Next"/>).
    /// </summary>
    private static (string Month, string? After)? Cursor(string? text) =>
        text?.Split('|') is [var month, var ticks, var suffix]
            && DateTime.TryParseExact(month, "yyyyMM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && ticks.Length == 19 && ticks.All(char.IsAsciiDigit) && suffix.Length == 32 && suffix.All(char.IsAsciiHexDigit)
            ? (month, $"{ticks}|{suffix}")
            : null;
}
