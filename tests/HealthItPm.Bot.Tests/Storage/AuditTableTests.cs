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

    // A cursor names the month to read from: one outside the span would walk month by month to it.
    [Theory]
    [InlineData("212611|0000000000000000000|00000000000000000000000000000000")]
    [InlineData("202609|0000000000000000000|00000000000000000000000000000000")]
    [InlineData("202613|0000000000000000000|00000000000000000000000000000000")]
    [InlineData("not a cursor")]
    public async Task A_cursor_that_is_not_a_month_of_the_span_continues_nothing(string after)
    {
        await Table.AppendAsync(_tenant, At(2026, 11, 2, Ehr), default);

        Assert.Null(await Table.ReadAsync(_tenant, new AuditQuery(null, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30), after), 10, default));
    }
}
