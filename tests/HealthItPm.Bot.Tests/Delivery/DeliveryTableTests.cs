using Azure.Data.Tables;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Delivery;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;

using HealthItPm.Bot.Tests.Storage;

namespace HealthItPm.Bot.Tests.Delivery;

/// <summary>A delivery record keeps why it settled unsent as a code; rows written when that was a sentence still read.</summary>
[Collection(SharedStorageEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class DeliveryTableTests(StorageEnvironment env)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 16, 0, 0, TimeSpan.Zero);
    private static readonly PersonId Nurse = new("33333333-3333-3333-3333-333333333333");
    private static readonly DeliveryTopic Topic = DeliveryTopics.CheckIn(DeliveryTopics.CheckInCard, new ProjectCode("EHR"), "20261130T1600Z");
    private readonly TenantId _tenant = new(Guid.NewGuid().ToString());

    private DeliveryTable Table => new(env.Tables, TimeProvider.System);

    [Fact]
    public async Task Why_a_delivery_settled_unsent_reads_back_with_its_status_and_tries()
    {
        var record = new DeliveryRecord(Topic, Nurse, DeliveryState.NotDelivered, 8, null, null, 503, DeliveryFailure.KeptFailing, Now);

        Assert.NotNull(await Table.WriteAsync(_tenant, record, null, reported: false, default));

        Assert.Equal(record, await Table.GetAsync(_tenant, Topic, Nurse, default));
    }

    [Fact]
    public async Task A_record_written_with_a_reason_sentence_reads_without_a_failure_code()
    {
        var row = new TableEntity($"{_tenant.Value}|{Topic.Kind}|{Topic.Subject}", Nurse.Value)
        {
            ["State"] = nameof(DeliveryState.Unreachable),
            ["Attempts"] = 1,
            ["LastStatus"] = 403,
            ["Reason"] = "Teams answered 403",
            ["Reported"] = true,
            ["UpdatedAt"] = Now,
        };
        await env.Tables.ExecuteAsync(DeliveryTable.Name, t => t.UpsertEntityAsync(row, TableUpdateMode.Replace), default);

        var read = (await Table.GetAsync(_tenant, Topic, Nurse, default))!;

        Assert.Equal((DeliveryState.Unreachable, 1, 403, (DeliveryFailure?)null), (read.State, read.Attempts, read.LastStatus, read.Failure));
    }

    [Fact]
    public async Task Live_hosts_are_listed_in_one_order_every_host_agrees_on_and_a_stale_or_stopped_one_drops_out()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var table = new DeliveryTable(env.Tables, clock);
        var run = Guid.NewGuid().ToString("N");
        var (a, b, c) = ($"{run}-a", $"{run}-b", $"{run}-c");
        IEnumerable<string> Ours(IReadOnlyList<string> live) => live.Where(h => h.StartsWith(run, StringComparison.Ordinal));
        var window = TimeSpan.FromSeconds(3);

        await table.HeartbeatAsync(b, window, default);
        await table.HeartbeatAsync(a, window, default);
        var seenByB = await table.HeartbeatAsync(b, window, default);
        var seenByA = await table.HeartbeatAsync(a, window, default);
        Assert.Equal([a, b], Ours(seenByB));
        Assert.Equal(Ours(seenByB), Ours(seenByA));

        // b stops beating (killed); c starts; a, 4 s later, no longer counts b.
        clock.Advance(TimeSpan.FromSeconds(4));
        await table.HeartbeatAsync(c, window, default);
        Assert.Equal([a, c], Ours(await table.HeartbeatAsync(a, window, default)));

        await table.LeaveAsync(c, default);
        Assert.Equal([a], Ours(await table.HeartbeatAsync(a, window, default)));
    }
}
