using Azure;
using Azure.Data.Tables;
using HealthItPm.Bot.Storage;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Storage;

/// <summary>
/// The group commit on Azurite: rows given at once go as a few transactions, every call returns once its own row is stored
/// (or with its own row's refusal), and two writes of one row keep the order they were given in.
/// </summary>
[Collection(SharedStorageEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class GroupCommitTests(StorageEnvironment env)
{
    private const string Table = "GroupCommitTests";

    [Fact]
    public async Task Rows_given_at_once_are_each_stored_by_the_time_their_call_returns_in_far_fewer_requests_than_rows()
    {
        var writes = new GroupCommit(env.Tables);
        var partition = Partition();
        await env.Tables.GetAsync(Table, default);

        using var counter = new StorageRequestCounter(env.Azurite.TablePort);
        var stored = await Task.WhenAll(Enumerable.Range(0, 250).Select(async i =>
        {
            await writes.ReplaceAsync(Table, Row(partition, $"r{i:D3}", i), default);
            // Read back as soon as this one call returns: stored already, whatever its neighbours are doing.
            var row = await (await env.Tables.GetAsync(Table, default)).GetEntityAsync<TableEntity>(partition, $"r{i:D3}");
            return row.Value.GetInt32("Value") ?? -1;
        }));
        var requests = counter.ByMethod();

        Assert.Equal(Enumerable.Range(0, 250), stored);
        // A lone first write, then at most 100 to a transaction: three or four writes, never one per row.
        Assert.InRange(requests.GetValueOrDefault("PUT") + requests.GetValueOrDefault("POST"), 3, 25);
        Assert.Equal(250, requests.GetValueOrDefault("GET"));
    }

    [Fact]
    public async Task Two_writes_of_one_row_in_the_same_moment_are_stored_in_the_order_they_were_given()
    {
        var writes = new GroupCommit(env.Tables);
        var partition = Partition();
        await env.Tables.GetAsync(Table, default);

        // Each round: many rows at once, the same row among them written over and over; the last given must be what is kept.
        for (var round = 0; round < 5; round++)
        {
            using var counter = new StorageRequestCounter(env.Azurite.TablePort);
            var calls = new List<Task>();
            for (var i = 0; i < 60; i++)
            {
                calls.Add(writes.ReplaceAsync(Table, Row(partition, $"other{i % 20}", i), default));
                calls.Add(writes.ReplaceAsync(Table, Row(partition, "same", (round * 100) + i), default));
            }

            await Task.WhenAll(calls);
            var requests = counter.ByMethod();
            var row = await (await env.Tables.GetAsync(Table, default)).GetEntityAsync<TableEntity>(partition, "same");
            Assert.Equal((round * 100) + 59, row.Value.GetInt32("Value"));
            // A transaction never holds a row twice: Azure Table storage refuses one that does (the emulator lets it pass).
            Assert.InRange(requests.GetValueOrDefault("PUT") + requests.GetValueOrDefault("POST"), 60, 120);
        }
    }

    [Fact]
    public async Task A_row_storage_refuses_fails_its_own_call_and_every_other_row_of_its_transaction_is_stored()
    {
        var writes = new GroupCommit(env.Tables);
        var partition = Partition();
        var table = await env.Tables.GetAsync(Table, default);

        // A column over 64 KiB is refused by storage, and a transaction holding it would be refused whole.
        var refused = Row(partition, "refused", -1);
        refused["Text"] = new string('x', 40_000);
        var calls = Enumerable.Range(0, 80)
            .Select(i => writes.ReplaceAsync(Table, i == 40 ? refused : Row(partition, $"r{i}", i), default))
            .ToList();
        var outcomes = await Task.WhenAll(calls.Select(async c =>
        {
            try
            {
                await c;
                return null;
            }
            catch (RequestFailedException e)
            {
                return e.ErrorCode;
            }
        }));

        Assert.Equal("PropertyValueTooLarge", outcomes[40]);
        Assert.All(outcomes.Where((_, i) => i != 40), o => Assert.Null(o));
        var kept = await table.QueryAsync<TableEntity>(r => r.PartitionKey == partition).Select(r => r.RowKey).ToListAsync();
        Assert.Equal(79, kept.Count);
        Assert.DoesNotContain("refused", kept);
    }

    [Fact]
    public async Task Rows_of_two_partitions_given_at_once_are_all_stored_and_a_call_already_cancelled_stores_nothing()
    {
        var writes = new GroupCommit(env.Tables);
        var (first, second) = (Partition(), Partition());
        var table = await env.Tables.GetAsync(Table, default);

        await Task.WhenAll(Enumerable.Range(0, 120).Select(i =>
            writes.ReplaceAsync(Table, Row(i % 2 == 0 ? first : second, $"r{i}", i), default)));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => writes.ReplaceAsync(Table, Row(first, "cancelled", 0), cancelled.Token));

        Assert.Equal(60, await table.QueryAsync<TableEntity>(r => r.PartitionKey == first).CountAsync());
        Assert.Equal(60, await table.QueryAsync<TableEntity>(r => r.PartitionKey == second).CountAsync());
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(first, "cancelled")).HasValue);
    }

    private static string Partition() => Guid.NewGuid().ToString("N");

    private static TableEntity Row(string partition, string key, int value) => new(partition, key) { ["Value"] = value };
}
