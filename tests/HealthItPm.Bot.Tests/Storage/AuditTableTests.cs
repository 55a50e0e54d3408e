using HealthItPm.Bot.Tests.Audit;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Features.Audit;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Bot.Tests.Storage;

/// <summary>The audit table on Azurite: newest first across month partitions, a date span, one project, page by page.</summary>
[Collection(SharedStorageEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class AuditTableTests(StorageEnvironment env)
{
    private static readonly PersonId Pm = new(Guid.NewGuid().ToString());
    private static readonly ProjectCode Ehr = new("EHR");
    private static readonly ProjectCode Pacs = new("PACS");

    private readonly TenantId _tenant = new(Guid.NewGuid().ToString());

    private AuditTable Table => new(env.Tables);

    private static AuditEntry At(int year, int month, int day, ProjectCode project, int hour = 12) =>
        new(new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.Zero), Pm, ProjectAudit.MilestonesChanged, project, null);

    [Fact]
    public async Task Pages_run_newest_first_across_months_within_the_span()
    {
        AuditEntry[] entries = [At(2026, 9, 30, Ehr), At(2026, 10, 1, Ehr, 0), At(2026, 10, 15, Ehr), At(2026, 10, 15, Ehr), At(2026, 11, 2, Ehr), At(2026, 11, 30, Ehr, 23), At(2026, 12, 1, Ehr, 0)];
        foreach (var entry in entries)
        {
            await Table.AppendAsync(_tenant, entry, default);
        }

        var query = new AuditQuery(null, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30));
        var pages = new List<AuditPage> { (await Table.ReadAsync(_tenant, query, 2, default))! };
        while (pages[^1].Next is { } next)
        {
            pages.Add((await Table.ReadAsync(_tenant, query with { After = next }, 2, default))!);
        }

        Assert.Equal([2, 2, 1], pages.Select(p => p.Entries.Count));
        Assert.Equal(entries[1..6].Reverse().Select(e => e.At), pages.SelectMany(p => p.Entries).Select(e => e.At));
    }

    [Fact]
    public async Task One_project_is_read_without_the_others()
    {
        await Table.AppendAsync(_tenant, At(2026, 11, 2, Ehr), default);
        await Table.AppendAsync(_tenant, At(2026, 11, 3, Pacs), default);
        await Table.AppendAsync(_tenant, new AuditEntry(new DateTimeOffset(2026, 11, 4, 0, 0, 0, TimeSpan.Zero), Pm, ProjectAudit.ProjectManagerAllowed, null, Pm.Value), default);

        var ehr = (await Table.ReadAsync(_tenant, new AuditQuery(Ehr, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), 10, default))!;
        var all = (await Table.ReadAsync(_tenant, new AuditQuery(null, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), 10, default))!;

        Assert.Equal([Ehr], ehr.Entries.Select(e => e.Project));
        Assert.Equal([null, Pacs, Ehr], all.Entries.Select(e => e.Project));
        Assert.Equal(Pm.Value, all.Entries[0].Subject);
        Assert.Null(all.Next);
    }

    // A cursor names the month to read from: one outside the span would walk month by month to it. One the bot did not
    // make (a place in a row past what a row holds, a time past the calendar's end, a part more or less) continues nothing.
    [Theory]
    [InlineData("212611|0000000000000000000|0000000000000000000|00000000000000000000000000000000|0")]
    [InlineData("202609|0000000000000000000|0000000000000000000|00000000000000000000000000000000|0")]
    [InlineData("202613|0000000000000000000|0000000000000000000|00000000000000000000000000000000|0")]
    [InlineData("202611|0000000000000000000|0000000000000000000|00000000000000000000000000000000|50")]
    [InlineData("202611|0000000000000000000|0000000000000000000|00000000000000000000000000000000|-1")]
    [InlineData("202611|9999999999999999999|0000000000000000000|00000000000000000000000000000000|0")]
    [InlineData("202611|3155378975999999999|0000000000000000000|00000000000000000000000000000000|0|1")]
    [InlineData("202611|3155378975999999999|0000000000000000000|00000000000000000000000000000000|0")]
    [InlineData("202611|0000000000000000000|0000000000000000000|00000000000000000000000000000000|0")]
    [InlineData("202611|0000000000000000000|00000000000000000000000000000000|1")]
    [InlineData("not a cursor")]
    public async Task A_cursor_the_bot_did_not_give_for_the_span_continues_nothing(string after)
    {
        await Table.AppendAsync(_tenant, At(2026, 11, 2, Ehr), default);

        Assert.Null(await Table.ReadAsync(_tenant, new AuditQuery(null, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30), after), 10, default));
    }

    [Fact]
    public async Task Entries_written_together_share_rows_and_read_back_once_each_newest_first_page_by_page()
    {
        var start = new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);
        var entries = Enumerable.Range(0, 130)
            .Select(i => new AuditEntry(start.AddMilliseconds(3 * i), new PersonId(new Guid(i, 0, 0, new byte[8]).ToString()), ProjectAudit.MilestonesChanged, i % 3 == 0 ? Pacs : Ehr, $"s{i}"))
            .ToList();
        // Two hosts wrote them at the same time, every other entry each: their rows overlap in time.
        var rows = AuditTable.Rows(_tenant, entries.Where((_, i) => i % 2 == 0));
        var others = AuditTable.Rows(_tenant, entries.Where((_, i) => i % 2 == 1));
        await Table.AddBatchAsync(rows, default);
        await Table.AddBatchAsync(others, default);

        // 22 + 22 entries of one project and 43 + 43 of the other, 0.4 s in all: a row per project and write.
        Assert.Equal([2, 2], new[] { rows.Count, others.Count });
        var newestFirst = entries.OrderByDescending(e => e.At).ToList();
        foreach (var (project, size) in new (ProjectCode?, int)[] { (null, 7), (Ehr, 9), (Pacs, 50), (null, 1) })
        {
            var query = new AuditQuery(project, new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 10));
            var read = await Table.AllPagesAsync(_tenant, query, size);

            Assert.Equal(newestFirst.Where(e => project is null || e.Project == project), read);
        }
    }

    [Fact]
    public async Task A_row_that_straddles_the_span_gives_only_the_entries_within_it()
    {
        var midnight = new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
        AuditEntry[] entries = [new(midnight.AddMilliseconds(-300), Pm, ProjectAudit.MilestonesChanged, Ehr, "before"),
            new(midnight.AddMilliseconds(200), Pm, ProjectAudit.MilestonesChanged, Ehr, "after")];
        var rows = AuditTable.Rows(_tenant, entries);
        Assert.Single(rows);
        await Table.AddBatchAsync(rows, default);

        var fifteenth = await Table.ReadAsync(_tenant, new AuditQuery(null, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 15)), 10, default);
        var sixteenth = await Table.ReadAsync(_tenant, new AuditQuery(Ehr, new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 30)), 10, default);

        Assert.Equal(["before"], fifteenth!.Entries.Select(e => e.Subject));
        Assert.Equal(["after"], sixteenth!.Entries.Select(e => e.Subject));
    }

    [Fact]
    public async Task Entries_further_apart_than_a_row_spreads_go_to_rows_of_their_own_and_read_back_in_order()
    {
        var start = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
        var entries = Enumerable.Range(0, 6)
            .Select(i => new AuditEntry(start + (AuditTable.RowSpread * 0.75 * i), Pm, ProjectAudit.MilestonesChanged, Ehr, $"s{i}"))
            .ToList();
        var rows = AuditTable.Rows(_tenant, entries);
        await Table.AddBatchAsync(rows, default);

        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.True(
            AuditTable.Entries(r)[0].At - AuditTable.Entries(r)[^1].At <= AuditTable.RowSpread, "A row spreads wider than its keys allow."));
        var read = await Table.ReadAsync(_tenant, new AuditQuery(null, new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 20)), 10, default);
        Assert.Equal(["s5", "s4", "s3", "s2", "s1", "s0"], read!.Entries.Select(e => e.Subject));
    }

    [Fact]
    public async Task A_cursor_continues_only_the_query_whose_page_it_ended()
    {
        foreach (var entry in new[] { At(2026, 11, 2, Ehr), At(2026, 11, 3, Ehr), At(2026, 11, 4, Pacs), At(2026, 11, 5, Pacs) })
        {
            await Table.AppendAsync(_tenant, entry, default);
        }

        var ehr = new AuditQuery(Ehr, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        var next = (await Table.ReadAsync(_tenant, ehr, 1, default))!.Next;

        Assert.NotNull(await Table.ReadAsync(_tenant, ehr with { After = next }, 1, default));
        Assert.Null(await Table.ReadAsync(_tenant, ehr with { Project = Pacs, After = next }, 1, default));
        Assert.Null(await Table.ReadAsync(_tenant, ehr with { Project = null, After = next }, 1, default));
        Assert.Null(await Table.ReadAsync(_tenant, ehr with { From = new DateOnly(2026, 11, 2), After = next }, 1, default));
        Assert.Null(await Table.ReadAsync(_tenant, ehr with { To = new DateOnly(2026, 11, 29), After = next }, 1, default));
    }
}
