using HealthItPm.Bot.Tests.Audit;
using HealthItPm.Bot.Features.Audit;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using Microsoft.Extensions.Logging.Abstractions;

namespace HealthItPm.Bot.Tests.Storage;

/// <summary>
/// The audit log's rows (a row per project and write) attacked on Azurite: two hosts writing at once, entries of one tick,
/// across a day's and a month's end, a write held back for minutes, read page by page; edited and foreign cursors.
/// </summary>
[Collection(SharedStorageEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class AuditRowsTests(StorageEnvironment env)
{
    private static readonly ProjectCode?[] Projects = [new ProjectCode("EHR"), new ProjectCode("PACS"), new ProjectCode("LAB"), null];

    // The span read: 31 October and 1 November 2026, so a month's end lies inside it and a day's end at each edge.
    private static readonly AuditQuery Span = new(null, new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 1));

    private static readonly DateTimeOffset MonthEnd = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly PersonId[] People = [.. Enumerable.Range(0, 7).Select(_ => new PersonId(Guid.NewGuid().ToString()))];

    private readonly TenantId _tenant = new(Guid.NewGuid().ToString());

    private AuditTable Table => new(env.Tables);

    private static AuditEntry Entry(DateTimeOffset at, int n) =>
        new(at, People[n % People.Length], ProjectAudit.MilestonesChanged, Projects[n % Projects.Length], "S" + n);

    private static void AssertExactly(IEnumerable<AuditEntry> expected, List<AuditEntry> read)
    {
        Assert.Equal(expected.Select(e => e.Subject).Order(StringComparer.Ordinal), read.Select(e => e.Subject).Order(StringComparer.Ordinal));
        Assert.Equal(read.Count, read.Select(e => e.Subject).Distinct().Count());
        for (var i = 1; i < read.Count; i++)
        {
            Assert.True(read[i - 1].At >= read[i].At, $"{read[i - 1].Subject} at {read[i - 1].At:O} before {read[i].Subject} at {read[i].At:O}");
        }
    }

    [Fact]
    public async Task Two_hosts_writing_at_once_across_a_month_s_end_are_read_back_each_entry_once_newest_first()
    {
        // 480 entries in 40 ticks of 50 ms either side of midnight, 12 to a tick, of three projects and none, handed to
        // two writers at once; and some just outside the span, a few in the same write as entries inside it.
        var inside = Enumerable.Range(0, 480).Select(n => Entry(MonthEnd.AddMilliseconds(((n % 40) - 20) * 50), n)).ToList();
        var spanEnd = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
        var spanStart = new DateTimeOffset(2026, 10, 31, 0, 0, 0, TimeSpan.Zero);
        var edges = new List<AuditEntry>();
        for (var n = 1000; n < 1040; n++)
        {
            edges.Add(Entry(((n % 4) switch { 0 => spanEnd, 1 => spanEnd.AddTicks(-1), 2 => spanStart, _ => spanStart.AddTicks(-1) })
                .AddMilliseconds((n % 4) is 0 or 2 ? n % 10 * 20 : -(n % 10) * 20), n));
        }

        await using (var first = new AuditWriter(Table, NullLogger<AuditWriter>.Instance))
        await using (var second = new AuditWriter(Table, NullLogger<AuditWriter>.Instance))
        {
            var all = inside.Concat(edges).ToList();
            await Task.WhenAll(
                Task.Run(async () => { foreach (var e in all.Where((_, i) => i % 2 == 0)) { await first.AppendAsync(_tenant, e, default); } }),
                Task.Run(async () => { foreach (var e in all.Where((_, i) => i % 2 == 1)) { await second.AppendAsync(_tenant, e, default); } }));
            await first.FlushAsync(default);
            await second.FlushAsync(default);
        }

        var within = inside.Concat(edges.Where(e => e.At >= spanStart && e.At < spanEnd)).ToList();
        AssertExactly(within, await Table.AllPagesAsync(_tenant, Span));
        foreach (var project in Projects.OfType<ProjectCode>())
        {
            var read = await Table.AllPagesAsync(_tenant, Span with { Project = project }, 7);
            Assert.All(read, e => Assert.Equal(project, e.Project));
            AssertExactly(within.Where(e => e.Project == project), read);
        }
    }

    [Fact]
    public async Task A_write_held_back_for_minutes_is_rows_a_second_wide_each_read_back_once()
    {
        // Storage did not answer for five minutes: the write that follows holds entries minutes apart.
        var start = MonthEnd.AddMinutes(-3);
        var held = Enumerable.Range(0, 300).Select(n => Entry(start.AddMilliseconds(n * 1_000.0 * 300 / 299), n * 4)).ToList();
        var rows = AuditTable.Rows(_tenant, held);

        Assert.All(rows, row =>
        {
            var entries = AuditTable.Entries(row);
            Assert.InRange(entries.Count, 1, AuditTable.MaxPerRow);
            Assert.True(entries[0].At - entries[^1].At <= AuditTable.RowSpread);
            Assert.Equal(entries[^1].At, row.GetDateTimeOffset("Oldest"));
        });
        foreach (var batch in rows.GroupBy(r => r.PartitionKey).SelectMany(p => p.Chunk(AuditTable.MaxBatch)))
        {
            await Table.AddBatchAsync(batch, default);
        }

        AssertExactly(held, await Table.AllPagesAsync(_tenant, Span));
    }

    [Fact]
    public async Task A_cursor_of_another_tenant_shows_only_the_reader_s_own_entries()
    {
        var other = new TenantId(Guid.NewGuid().ToString());
        var mine = Enumerable.Range(0, 40).Select(n => Entry(MonthEnd.AddSeconds(-n), n)).ToList();
        var theirs = Enumerable.Range(100, 40).Select(n => Entry(MonthEnd.AddSeconds(-(n - 100)), n)).ToList();
        await AddAsync(_tenant, mine);
        await AddAsync(other, theirs);

        var cursor = (await Table.ReadAsync(other, Span, 15, default))!.Next!;
        var page = await Table.ReadAsync(_tenant, Span with { After = cursor }, 15, default);

        Assert.NotNull(page);
        Assert.All(page.Entries, e => Assert.Contains(e, mine));
    }

    /// <summary>Cursors edited on the card: month, time, row key, place. Each is answered (a page or none) within the span.</summary>
    [Theory]
    [InlineData("202610|{0}|{1}|49")]
    [InlineData("202611|{0}|0000000000000000000|ffffffffffffffffffffffffffffffff|0")]
    [InlineData("202611|2521021023999999999|{1}|3")]
    [InlineData("202610|2521039311999999999|{1}|0")]
    [InlineData("202611|{0}|{1}|50")]
    [InlineData("202612|{0}|{1}|0")]
    [InlineData("202609|{0}|{1}|0")]
    [InlineData("202611|{0}|{1}|-1")]
    [InlineData("202611|{0}|{1}")]
    [InlineData("202611|{0}|{1}|0|0")]
    public async Task An_edited_cursor_continues_within_the_span_or_nothing(string edit)
    {
        var entries = Enumerable.Range(0, 60).Select(n => Entry(MonthEnd.AddMilliseconds((n - 30) * 100), n)).ToList();
        await AddAsync(_tenant, entries);
        var given = (await Table.ReadAsync(_tenant, Span, 15, default))!.Next!.Split('|');
        var cursor = string.Format(System.Globalization.CultureInfo.InvariantCulture, edit, given[1], given[2] + "|" + given[3]);

        var page = await Table.ReadAsync(_tenant, Span with { After = cursor }, 15, default);

        Assert.All(page?.Entries ?? [], e => Assert.Contains(e, entries));
        Assert.Equal(page?.Entries.Count ?? 0, page?.Entries.Distinct().Count() ?? 0);
    }

    private async Task AddAsync(TenantId tenant, IEnumerable<AuditEntry> entries)
    {
        foreach (var batch in AuditTable.Rows(tenant, entries).GroupBy(r => r.PartitionKey).SelectMany(p => p.Chunk(AuditTable.MaxBatch)))
        {
            await Table.AddBatchAsync(batch, default);
        }
    }
}
