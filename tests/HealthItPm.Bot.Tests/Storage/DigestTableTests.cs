using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Features.Digests;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Digests;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Bot.Tests.Storage;

/// <summary>Digest subscriptions (one per leader, ETag-guarded) and week snapshots (the first of a week is kept) on Azurite.</summary>
[Collection(SharedStorageEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class DigestTableTests(StorageEnvironment env)
{
    private static readonly PersonId Cio = new("33333333-3333-3333-3333-333333333333");
    private readonly TenantId _tenant = new(Guid.NewGuid().ToString());

    private DigestTable Table => new(env.Tables);

    [Fact]
    public async Task A_subscription_reads_back_and_a_stale_save_loses()
    {
        var subscription = DigestSubscription.New(_tenant, Cio, "Europe/London").With(null).With(new ProjectCode("EHR")) with { Day = DayOfWeek.Friday, Hour = 16 };
        Assert.True(await Table.SaveAsync(subscription, null, default));
        Assert.False(await Table.SaveAsync(subscription, null, default));

        var read = (await Table.GetAsync(_tenant, Cio, default))!;
        Assert.Equal((true, "EHR", DayOfWeek.Friday, 16, "Europe/London"), (read.Subscription.Portfolio, string.Join(",", read.Subscription.Projects), read.Subscription.Day, read.Subscription.Hour, read.Subscription.TimeZone));
        Assert.Contains(await Table.ListAllAsync(default), s => s.Subscription.Leader == Cio && s.Subscription.Tenant == _tenant);
        Assert.Single(await Table.ListAsync(_tenant, default));

        Assert.True(await Table.MarkQueuedAsync(read, new IsoWeek(2026, 49), default));
        Assert.False(await Table.MarkQueuedAsync(read, new IsoWeek(2026, 49), default));
        Assert.False(await Table.SaveAsync(subscription, read.Version, default));
        Assert.Equal(new IsoWeek(2026, 49), (await Table.GetAsync(_tenant, Cio, default))!.Subscription.LastWeek);

        Assert.True(await Table.RemoveAsync(_tenant, Cio, default));
        Assert.False(await Table.RemoveAsync(_tenant, Cio, default));
        Assert.Null(await Table.GetAsync(_tenant, Cio, default));
    }

    [Fact]
    public async Task The_first_snapshot_of_a_week_is_kept_and_only_that_weeks_are_read()
    {
        var week = new IsoWeek(2026, 49);
        var ehr = new ProjectCode("EHR");
        var pacs = new ProjectCode("PACS");
        await Table.AddSnapshotsAsync(_tenant, [new ProjectWeekSnapshot(ehr, week, Rag.Amber), new ProjectWeekSnapshot(pacs, week, null)], default);
        await Table.AddSnapshotsAsync(_tenant, [new ProjectWeekSnapshot(ehr, week, Rag.Red), new ProjectWeekSnapshot(new ProjectCode("LAB"), week, Rag.Green)], default);
        await Table.AddSnapshotsAsync(_tenant, [new ProjectWeekSnapshot(ehr, week.Next, Rag.Green)], default);

        var read = await Table.SnapshotsAsync(_tenant, week, [ehr, pacs], default);

        Assert.Equal(
            [new ProjectWeekSnapshot(ehr, week, Rag.Amber), new ProjectWeekSnapshot(pacs, week, null)],
            read.OrderBy(s => s.Project.Value, StringComparer.Ordinal));
        Assert.Empty(await Table.SnapshotsAsync(_tenant, week.Previous, [ehr], default));
    }
}
