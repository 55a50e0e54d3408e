using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;

namespace HealthItPm.Bot.Features.Audit;

/// <summary>
/// The append-only audit log.
/// <para>
/// Table <c>Audit</c>: PartitionKey = <c>{tenant}|{yyyyMM}</c> (a tenant's month, UTC). A row holds the entries of one
/// project (or of none) that one write added, newest first, at most <see cref="RowSpread"/> apart in time:
/// RowKey = <c>{inverted ticks of its newest entry}|{unique suffix}</c>, so a partition reads newest first. Columns:
/// <c>Project</c> (code or empty), <c>Oldest</c> (its oldest entry's time), <c>Count</c>, <c>Entries</c> (JSON: when,
/// by whom — an object id —, the kind's name, the subject's id, the field). Rows are only ever added, never updated.
/// A row per write rather than per entry keeps the rows a month's partition holds few: the emulator's cost of a row
/// grows with its partition (<c>docs/benchmarks.md</c>), and a write is one row in storage either way.
/// </para>
/// </summary>
public sealed class AuditTable(StorageTables tables) : IAuditLog
{
    public const string Name = "Audit";

    // Azure Tables takes at most 100 operations in one entity-group transaction.
    public const int MaxBatch = 100;

    /// <summary>Entries in one row at most; with <see cref="MaxRowChars"/>, a row stays well inside a property's 64 KiB.</summary>
    public const int MaxPerRow = 50;

    /// <summary>How far apart a row's newest and oldest entries may be, so a span's rows are found by their keys.</summary>
    public static readonly TimeSpan RowSpread = TimeSpan.FromSeconds(1);

    /// <summary>The longest cursor a page gives (<see cref="AuditPage.Next"/>); a longer one is not the bot's.</summary>
    public const int MaxCursor = 6 + 19 + 19 + 32 + 2 + 16 + ProjectCode.MaxLength + 6;

    private const int MaxRowChars = 24_000;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>One entry, written at once: what the host's <see cref="AuditWriter"/> does when it is not running.</summary>
    public Task AppendAsync(TenantId tenant, AuditEntry entry, CancellationToken cancellationToken) =>
        AddBatchAsync(Rows(tenant, [entry]), cancellationToken);

    /// <summary>
    /// The rows of some entries, their keys made once: a batch tried again after an answer that never came adds the same
    /// rows, and finds them there, rather than adding them twice. Entries of one month and project share rows, newest
    /// first, a row closed at <see cref="MaxPerRow"/> entries, <see cref="RowSpread"/> or <see cref="MaxRowChars"/>.
    /// </summary>
    public static IReadOnlyList<TableEntity> Rows(TenantId tenant, IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var rows = new List<TableEntity>();
        var groups = entries.GroupBy(e => (Month: Month(e.At), Project: e.Project?.Value ?? string.Empty));
        foreach (var group in groups)
        {
            var row = new List<(AuditEntry Entry, string Json)>();
            var chars = 0;
            foreach (var entry in group.OrderByDescending(e => e.At.UtcTicks))
            {
                var json = JsonSerializer.Serialize(Stored.Of(entry), Json);
                if (row.Count > 0
                    && (row.Count == MaxPerRow || chars + json.Length > MaxRowChars || row[0].Entry.At - entry.At > RowSpread))
                {
                    rows.Add(Row(tenant, group.Key.Month, group.Key.Project, row));
                    (row, chars) = ([], 0);
                }

                row.Add((entry, json));
                chars += json.Length + 1;
            }

            rows.Add(Row(tenant, group.Key.Month, group.Key.Project, row));
        }

        return rows;
    }

    /// <summary>The entries a row holds, newest first.</summary>
    public static IReadOnlyList<AuditEntry> Entries(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        ProjectCode? project = row.GetString("Project") is { Length: > 0 } code ? new ProjectCode(code) : null;
        return JsonSerializer.Deserialize<Stored[]>(row.GetString("Entries") ?? "[]", Json)!.Select(s => s.Entry(project)).ToList();
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
    /// One partition query per month of the span at most, for the rows that may hold an entry of the span (found by
    /// their keys: a row's newest entry lies within <see cref="RowSpread"/> of its oldest), their entries merged newest
    /// first: an entry is placed once no row still unread can hold a newer one. Entries of the same moment go in the
    /// order of their rows' keys. A cursor (<see cref="AuditQuery.After"/>) names the last entry shown by its month,
    /// time, row and place in the row; one that is not a month of the span — edited on the card, or from another span —
    /// continues nothing (null), rather than walking the months from wherever it says.
    /// </summary>
    public async Task<AuditPage?> ReadAsync(TenantId tenant, AuditQuery query, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var since = new DateTimeOffset(query.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var until = new DateTimeOffset(query.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var (first, last) = (Month(since), Month(until.AddTicks(-1)));
        var cursor = Cursor(query.After, Of(query));
        if (query.After is not null
            && (cursor is not { Month: var from } || string.CompareOrdinal(from, first) < 0 || string.CompareOrdinal(from, last) > 0))
        {
            return null;
        }

        var found = new List<Placed>();
        var month = cursor?.Month ?? last;
        for (; string.CompareOrdinal(month, first) >= 0 && found.Count <= pageSize; month = Previous(month))
        {
            var after = cursor is { } c && c.Month == month ? c.Last : null;
            await MergeAsync(tenant, month, query.Project, (since, until), after, pageSize + 1 - found.Count, found, cancellationToken);
        }

        if (found.Count <= pageSize)
        {
            return new AuditPage([.. found.Select(f => f.Entry)], null);
        }

        var (entry, place) = found[pageSize - 1];
        var next = string.Create(
            CultureInfo.InvariantCulture, $"{Month(entry.At)}|{Key(Inverted(entry.At))}|{place.RowKey}|{place.Index}|{Of(query)}");
        return new AuditPage([.. found.Take(pageSize).Select(f => f.Entry)], next);
    }

    /// <summary>
    /// Adds to <paramref name="found"/>, in order, up to <paramref name="wanted"/> entries of one month after
    /// <paramref name="after"/>.
    /// </summary>
    private async Task MergeAsync(
        TenantId tenant,
        string month,
        ProjectCode? project,
        (DateTimeOffset Since, DateTimeOffset Until) span,
        Place? after,
        int wanted,
        List<Placed> found,
        CancellationToken cancellationToken)
    {
        // Newer sorts first (a smaller inverted tick); a row's key is its newest entry's. A row holding an entry at or
        // before the cursor's (or the span's end) has its newest entry at most a row's spread after it.
        var top = after is { } cursor && cursor.Ticks < span.Until.UtcTicks ? new DateTimeOffset(cursor.Ticks, TimeSpan.Zero) : span.Until;
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {PartitionKey(tenant, month)} and RowKey lt {Key(Inverted(span.Since) + 1)} and Oldest lt {span.Until}")
            + (project is { } code ? " and " + TableClient.CreateQueryFilter($"Project eq {code.Value}") : string.Empty);
        var start = TableClient.CreateQueryFilter($"RowKey ge {Key(Inverted(top + RowSpread))}");
        var pending = new List<Placed>();
        var added = 0;
        while (added < wanted)
        {
            var take = Math.Max(wanted - added, 2);
            var rows = await tables.QueryAsync(
                Name, $"{filter} and {start}", row => (row.RowKey, Entries: Entries(row)), cancellationToken, take: take);
            foreach (var (rowKey, entries) in rows)
            {
                pending.AddRange(entries
                    .Select((e, i) => new Placed(e, new Place(e.At.UtcTicks, rowKey, i)))
                    .Where(p => p.Entry.At >= span.Since && p.Entry.At < span.Until
                        && (after is null || Place.NewestFirst.Compare(p.At, after) > 0)));
            }

            // No row still unread holds an entry newer than the last row's newest.
            var done = rows.Count < take;
            var frontier = done ? DateTimeOffset.MinValue : rows[^1].Entries[0].At;
            var ready = pending.Where(p => p.Entry.At >= frontier).OrderBy(p => p.At, Place.NewestFirst).Take(wanted - added).ToList();
            found.AddRange(ready);
            added += ready.Count;
            pending.RemoveAll(ready.Contains);
            if (done)
            {
                return;
            }

            start = TableClient.CreateQueryFilter($"RowKey gt {rows[^1].RowKey}");
        }
    }

    private static TableEntity Row(TenantId tenant, string month, string project, List<(AuditEntry Entry, string Json)> entries)
    {
        var json = new StringBuilder("[").AppendJoin(',', entries.Select(e => e.Json)).Append(']').ToString();
        return new TableEntity(PartitionKey(tenant, month), $"{Key(Inverted(entries[0].Entry.At))}|{Guid.NewGuid():N}")
        {
            ["Project"] = project,
            ["Oldest"] = entries[^1].Entry.At,
            ["Count"] = entries.Count,
            ["Entries"] = json,
        };
    }

    private static string PartitionKey(TenantId tenant, string month) => $"{tenant.Value}|{month}";

    private static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture);

    private static string Previous(string month) =>
        DateTime.ParseExact(month, "yyyyMM", CultureInfo.InvariantCulture).AddMonths(-1).ToString("yyyyMM", CultureInfo.InvariantCulture);

    private static long Inverted(DateTimeOffset at) => DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks;

    private static string Key(long invertedTicks) => invertedTicks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>
    /// Where the previous page ended (the text of <see cref="AuditPage.Next"/>): the month (a real one), the last entry's
    /// time as a key (in that month), its row's key, its place in the row, and the query it was given for (its dates and
    /// project: a cursor continues only the query whose page it ended).
    /// </summary>
    private static (string Month, Place Last)? Cursor(string? text, string query) =>
        text?.Split('|') is [var month, var at, var ticks, var suffix, var index, var of]
            && of == query
            && DateTime.TryParseExact(month, "yyyyMM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && Digits(at, 19) && Digits(ticks, 19) && suffix.Length == 32 && suffix.All(char.IsAsciiHexDigit)
            && Digits(index, 2) && int.Parse(index, CultureInfo.InvariantCulture) is < MaxPerRow and var place
            && long.TryParse(at, CultureInfo.InvariantCulture, out var inverted) && inverted <= DateTimeOffset.MaxValue.UtcTicks
            && DateTimeOffset.MaxValue.UtcTicks - inverted is var time && Month(new DateTimeOffset(time, TimeSpan.Zero)) == month
            ? (month, new Place(time, $"{ticks}|{suffix}", place))
            : null;

    // The query a cursor belongs to: its dates and project.
    private static string Of(AuditQuery query) =>
        string.Create(CultureInfo.InvariantCulture, $"{query.From:yyyyMMdd}{query.To:yyyyMMdd}{query.Project?.Value}");

    private static bool Digits(string text, int most) => text.Length is > 0 && text.Length <= most && text.All(char.IsAsciiDigit);

    /// <summary>Where an entry is in the log's order: newest first, then by its row's key, then its place in the row.</summary>
    private sealed record Place(long Ticks, string RowKey, int Index)
    {
        public static readonly Comparer<Place> NewestFirst = Comparer<Place>.Create((x, y) =>
            y.Ticks.CompareTo(x.Ticks) is not 0 and var byTime ? byTime
            : string.CompareOrdinal(x.RowKey, y.RowKey) is not 0 and var byRow ? byRow
            : x.Index.CompareTo(y.Index));
    }

    private sealed record Placed(AuditEntry Entry, Place At);

    /// <summary>An entry as a row keeps it; the project is the row's.</summary>
    private sealed record Stored(DateTimeOffset At, string By, string Kind, string? Subject, string? Field)
    {
        public static Stored Of(AuditEntry entry) =>
            new(entry.At, entry.By.Value, entry.Kind.Name, entry.Subject, entry.Field?.ToString());

        public AuditEntry Entry(ProjectCode? project) =>
            new(At, new PersonId(By), new AuditKind(Kind), project, Subject is { Length: > 0 } ? Subject : null)
            {
                Field = Enum.TryParse<RemovableText>(Field, out var field) ? field : null,
            };
    }
}
