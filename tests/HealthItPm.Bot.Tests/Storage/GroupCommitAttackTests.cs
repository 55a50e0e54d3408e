using Azure;
using Azure.Data.Tables;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Testing;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Tests.Storage;

/// <summary>
/// The group commit's promises pressed where they are weakest, on Azurite: many writers at once, writes that trickle in as
/// a lane retires, callers that give up, rows storage refuses in the middle of a transaction, a table that vanishes and a
/// second host writing the same rows. No call may hang (each is awaited with a generous limit), and every row a call was
/// told is stored holds the last value given for it.
/// </summary>
[Collection(SharedStorageEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class GroupCommitAttackTests(StorageEnvironment env)
{
    private const string Table = "GroupCommitAttackTests";

    // Far beyond any call's honest duration on a busy machine: reaching it means a call that never returns.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Thousands_of_writes_over_many_partitions_from_many_threads_all_return_and_each_row_keeps_its_last_value()
    {
        var writes = new GroupCommit(env.Tables);
        var partitions = Enumerable.Range(0, 24).Select(_ => Partition()).ToArray();
        var table = await env.Tables.GetAsync(Table, default);

        // Eight writers share every partition; each owns its rows and gives each of them three values without waiting, so
        // the order of one row's writes is the order given, while its neighbours come from the other threads.
        var calls = await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(() =>
        {
            var given = new List<Task>();
            for (var version = 0; version < 3; version++)
            {
                foreach (var partition in partitions)
                {
                    for (var row = 0; row < 6; row++)
                    {
                        given.Add(writes.ReplaceAsync(Table, Row(partition, $"w{writer}r{row}", version), default));
                    }
                }
            }

            return given;
        })));

        await Task.WhenAll(calls.SelectMany(c => c)).WaitAsync(Hang);
        Assert.Equal(8 * 3 * 24 * 6, calls.Sum(c => c.Count));
        foreach (var partition in partitions)
        {
            var rows = await table.QueryAsync<TableEntity>(r => r.PartitionKey == partition).ToListAsync();
            Assert.Equal(8 * 6, rows.Count);
            Assert.All(rows, r => Assert.Equal(2, r.GetInt32("Value")));
        }
    }

    [Fact]
    public async Task Writes_that_trickle_in_as_the_lane_retires_all_return_stored_in_the_order_given()
    {
        var writes = new GroupCommit(env.Tables);
        var partition = Partition();
        var table = await env.Tables.GetAsync(Table, default);

        // Small random pauses put a write now just before, now just after, the moment the lane finds nothing and retires.
        var tricklers = Enumerable.Range(0, 4).Select(t => Task.Run(async () =>
        {
            var random = new Random(t);
            var given = new List<Task>();
            for (var i = 0; i < 150; i++)
            {
                given.Add(writes.ReplaceAsync(Table, Row(partition, $"t{t}r{i % 5}", i), default));
                if (random.Next(3) > 0)
                {
                    await Task.Delay(random.Next(0, 3));
                }
                else
                {
                    Thread.SpinWait(random.Next(0, 20_000));
                }
            }

            await Task.WhenAll(given);
        }));

        await Task.WhenAll(tricklers).WaitAsync(Hang);
        var rows = await table.QueryAsync<TableEntity>(r => r.PartitionKey == partition).ToListAsync();
        Assert.Equal(20, rows.Count);
        // Row r{k} was last given value 145 + k.
        Assert.All(rows, r => Assert.Equal(145 + (r.RowKey[^1] - '0'), r.GetInt32("Value")));
    }

    [Fact]
    public async Task A_caller_that_gives_up_while_waiting_hears_so_at_once_its_row_is_not_stored_and_no_neighbour_is_hurt()
    {
        var writes = new GroupCommit(env.Tables);
        var partition = Partition();
        var table = await env.Tables.GetAsync(Table, default);

        // Forty writes of one row go one transaction after another: a write given behind them waits tens of requests.
        var ahead = Enumerable.Range(0, 40).Select(i => writes.ReplaceAsync(Table, Row(partition, "busy", i), default)).ToList();
        using var giveUp = new CancellationTokenSource();
        var abandoned = writes.ReplaceAsync(Table, Row(partition, "abandoned", 1), giveUp.Token);
        var behind = Enumerable.Range(0, 30).Select(i => writes.ReplaceAsync(Table, Row(partition, $"behind{i}", i), default)).ToList();
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned.WaitAsync(Hang));
        Assert.False(ahead.Concat(behind).All(c => c.IsCompleted), "the abandoned call returned only once the lane's work was done");
        await Task.WhenAll(ahead.Concat(behind)).WaitAsync(Hang);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(partition, "abandoned")).HasValue);
        Assert.Equal(39, (await table.GetEntityAsync<TableEntity>(partition, "busy")).Value.GetInt32("Value"));
        Assert.Equal(31, await table.QueryAsync<TableEntity>(r => r.PartitionKey == partition).CountAsync());
    }

    [Fact]
    public async Task Callers_that_give_up_while_their_transaction_is_in_flight_return_and_their_rows_are_stored_whole_or_not_at_all()
    {
        var writes = new GroupCommit(env.Tables);
        var partition = Partition();
        var table = await env.Tables.GetAsync(Table, default);

        for (var round = 0; round < 5; round++)
        {
            // Every other caller gives up a moment after giving its row: some then wait, some are in a transaction in flight.
            using var giveUp = new CancellationTokenSource();
            var calls = Enumerable.Range(0, 120)
                .Select(i => writes.ReplaceAsync(Table, Row(partition, $"r{i}", round), i % 2 == 0 ? giveUp.Token : default))
                .ToList();
            giveUp.CancelAfter(TimeSpan.FromMilliseconds(round * 3));
            var outcomes = await Task.WhenAll(calls.Select(Outcome)).WaitAsync(Hang);

            Assert.All(outcomes.Where((_, i) => i % 2 == 1), o => Assert.Equal("stored", o));
            Assert.All(outcomes, o => Assert.True(o is "stored" or "cancelled", o));
            var rows = await table.QueryAsync<TableEntity>(r => r.PartitionKey == partition).ToDictionaryAsync(r => r.RowKey);
            for (var i = 0; i < calls.Count; i++)
            {
                if (outcomes[i] == "stored")
                {
                    Assert.Equal(round, rows[$"r{i}"].GetInt32("Value"));
                }
                else if (rows.TryGetValue($"r{i}", out var kept))
                {
                    // A caller that gave up after its row left in a transaction was told "cancelled", yet the row is stored.
                    Assert.InRange(kept.GetInt32("Value") ?? -1, round - 1, round);
                }
            }
        }

        // The lane still works for the next caller.
        await writes.ReplaceAsync(Table, Row(partition, "after", 1), default).WaitAsync(Hang);
    }

    [Theory]
    [InlineData("start", 0)]
    [InlineData("middle", 0)]
    [InlineData("end", 0)]
    [InlineData("middle", 1)]
    [InlineData("middle", 2)]
    [InlineData("several", 0)]
    public async Task Rows_storage_refuses_anywhere_in_a_transaction_fail_only_their_own_calls(string where, int kind)
    {
        var writes = new GroupCommit(env.Tables);
        var partition = Partition();
        var table = await env.Tables.GetAsync(Table, default);

        // A lone write first, so the next hundred wait and go as one transaction with the refused rows where asked.
        var lone = writes.ReplaceAsync(Table, Row(partition, "lone", 0), default);
        var refusedAt = where switch
        {
            "start" => new[] { 0 },
            "middle" => [50],
            "end" => [99],
            _ => [0, 1, 33, 34, 66, 98, 99],
        };
        var rows = Enumerable.Range(0, 100).Select(i => Row(partition, $"r{i:D2}", i)).ToArray();
        foreach (var (at, n) in refusedAt.Select((at, n) => (at, n)))
        {
            rows[at] = Refused(partition, kind + n);
        }

        var calls = rows.Select(r => writes.ReplaceAsync(Table, r, default)).ToList();
        var outcomes = await Task.WhenAll(calls.Select(Outcome)).WaitAsync(Hang);
        await lone;

        for (var i = 0; i < rows.Length; i++)
        {
            if (refusedAt.Contains(i))
            {
                // The emulator answers a key holding '/' with a 500 (Table storage with a 400): refused either way.
                Assert.NotEqual("stored", outcomes[i]);
            }
            else
            {
                Assert.Equal("stored", outcomes[i]);
            }
        }

        var kept = await table.QueryAsync<TableEntity>(r => r.PartitionKey == partition).Select(r => r.RowKey).ToListAsync();
        Assert.Equal(101 - refusedAt.Length, kept.Count);
        Assert.All(kept, k => Assert.Matches("^(lone|r[0-9]{2})$", k));
    }

    [Fact]
    public async Task A_hundred_rows_of_over_4_MB_together_are_each_stored()
    {
        var writes = new GroupCommit(env.Tables);
        var partition = Partition();
        var table = await env.Tables.GetAsync(Table, default);

        // 60 KB a row (30,000 UTF-16 characters, under the 64 KiB a column may hold): 6 MB, over a transaction's 4 MB.
        var lone = writes.ReplaceAsync(Table, Row(partition, "lone", 0), default);
        var calls = Enumerable.Range(0, 100).Select(i =>
        {
            var row = Row(partition, $"r{i:D2}", i);
            row["Text"] = new string((char)('a' + (i % 26)), 30_000);
            return writes.ReplaceAsync(Table, row, default);
        }).ToList();

        var outcomes = await Task.WhenAll(calls.Append(lone).Select(Outcome)).WaitAsync(Hang);

        Assert.All(outcomes, o => Assert.Equal("stored", o));
        var kept = await table.QueryAsync<TableEntity>(r => r.PartitionKey == partition).ToListAsync();
        Assert.Equal(101, kept.Count);
        Assert.All(kept.Where(r => r.RowKey != "lone"), r => Assert.Equal(30_000, r.GetString("Text").Length));
    }

    [Fact]
    public async Task Writes_given_as_the_table_is_deleted_make_it_again_and_every_acknowledged_row_written_after_is_stored()
    {
        var writes = new GroupCommit(env.Tables);
        var tableName = "GroupCommitVanishing" + Guid.NewGuid().ToString("N")[..8];
        var partition = Partition();
        await writes.ReplaceAsync(tableName, Row(partition, "first", 0), default).WaitAsync(Hang);

        for (var round = 1; round <= 3; round++)
        {
            // The table goes as nobody writes (an emulator restarted empty); then a wave arrives: one lone write, then a transaction.
            await env.Azurite.TableService.DeleteTableAsync(tableName);
            var calls = Enumerable.Range(0, 80).Select(i => writes.ReplaceAsync(tableName, Row(partition, $"r{i}", round), default));
            var outcomes = await Task.WhenAll(calls.Select(Outcome)).WaitAsync(Hang);

            Assert.All(outcomes, o => Assert.Equal("stored", o));
            var kept = await env.Azurite.TableService.GetTableClient(tableName)
                .QueryAsync<TableEntity>(r => r.PartitionKey == partition).ToListAsync();
            Assert.Equal(80, kept.Count);
            Assert.All(kept, r => Assert.Equal(round, r.GetInt32("Value")));
        }

        await env.Azurite.TableService.DeleteTableAsync(tableName);
    }

    [Fact]
    public async Task The_table_deleted_while_a_wave_is_in_flight_fails_no_caller_with_anything_but_a_storage_answer_and_nothing_hangs()
    {
        var writes = new GroupCommit(env.Tables);
        var tableName = "GroupCommitDeleted" + Guid.NewGuid().ToString("N")[..8];
        var partition = Partition();
        await writes.ReplaceAsync(tableName, Row(partition, "first", 0), default).WaitAsync(Hang);

        var calls = Enumerable.Range(0, 300)
            .Select(i => writes.ReplaceAsync(tableName, Row(partition, $"r{i % 150}", i), default))
            .ToList();
        await env.Azurite.TableService.DeleteTableAsync(tableName);
        var outcomes = await Task.WhenAll(calls.Select(Outcome)).WaitAsync(Hang);

        // Each call is stored (before or after the table was made again) or told storage's own refusal; none hangs.
        Assert.All(outcomes, o => Assert.True(o == "stored" || o.StartsWith("refused", StringComparison.Ordinal), o));
        await writes.ReplaceAsync(tableName, Row(partition, "after", 1), default).WaitAsync(Hang);
        var kept = await env.Azurite.TableService.GetTableClient(tableName).GetEntityAsync<TableEntity>(partition, "after");
        Assert.Equal(1, kept.Value.GetInt32("Value"));
        await env.Azurite.TableService.DeleteTableAsync(tableName);
    }

    [Fact]
    public async Task Two_hosts_writing_the_same_rows_at_once_each_hear_their_rows_stored_and_every_row_holds_a_last_value()
    {
        var (one, other) = (new GroupCommit(env.Tables), new GroupCommit(env.Tables));
        var partition = Partition();
        var table = await env.Tables.GetAsync(Table, default);

        // Host one gives even values, host two odd ones, each ending with its highest; which host is last is storage's to say.
        var calls = new List<Task>();
        for (var version = 0; version < 4; version++)
        {
            for (var row = 0; row < 60; row++)
            {
                calls.Add(one.ReplaceAsync(Table, Row(partition, $"r{row}", version * 2), default));
                calls.Add(other.ReplaceAsync(Table, Row(partition, $"r{row}", (version * 2) + 1), default));
            }
        }

        await Task.WhenAll(calls).WaitAsync(Hang);
        var rows = await table.QueryAsync<TableEntity>(r => r.PartitionKey == partition).ToListAsync();
        Assert.Equal(60, rows.Count);
        Assert.All(rows, r => Assert.Contains(r.GetInt32("Value"), new int?[] { 6, 7 }));
    }

    [Fact]
    public async Task A_write_given_where_the_flow_of_context_is_already_suppressed_is_stored_and_leaves_its_partition_working()
    {
        var writes = new GroupCommit(env.Tables);
        var partition = Partition();
        var table = await env.Tables.GetAsync(Table, default);

        // A caller that starts work of its own without its context (as the group commit itself does) may call from there.
        Task<string> suppressed;
        using (ExecutionContext.SuppressFlow())
        {
            suppressed = Outcome(() =>
            {
                Assert.True(ExecutionContext.IsFlowSuppressed());
                return writes.ReplaceAsync(Table, Row(partition, "suppressed", 1), default);
            });
        }

        Assert.Equal("stored", await suppressed.WaitAsync(Hang));
        await writes.ReplaceAsync(Table, Row(partition, "after", 2), default).WaitAsync(Hang);
        Assert.Equal(2, await table.QueryAsync<TableEntity>(r => r.PartitionKey == partition).CountAsync());
    }

    [Fact]
    public async Task Storage_gone_mid_run_fails_every_waiting_caller_as_unavailable_and_once_it_is_back_every_partition_writes_again()
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            var tables = new StorageTables(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString }));
            var writes = new GroupCommit(tables);
            var partitions = Enumerable.Range(0, 4).Select(_ => Partition()).ToArray();
            Task<string[]> Wave(int value) => Task.WhenAll(Enumerable.Range(0, 240)
                .Select(i => Outcome(writes.ReplaceAsync(Table, Row(partitions[i % 4], $"r{i / 4 % 40}", value), default))));

            Assert.All(await Wave(1).WaitAsync(Hang), o => Assert.Equal("stored", o));

            // Killed with transactions in flight and writes waiting behind them; then writes given while it is down.
            var cut = Wave(2);
            await azurite.StopAsync();
            var during = await Wave(3).WaitAsync(Hang);
            var outcomes = await cut.WaitAsync(Hang);

            Assert.All(outcomes, o => Assert.True(o is "stored" or "unavailable", o));
            Assert.All(during, o => Assert.Equal("unavailable", o));

            await azurite.StartAsync();
            Assert.All(await Wave(4).WaitAsync(Hang), o => Assert.Equal("stored", o));
            var table = await tables.GetAsync(Table, default);
            foreach (var partition in partitions)
            {
                var rows = await table.QueryAsync<TableEntity>(r => r.PartitionKey == partition).ToListAsync();
                Assert.Equal(40, rows.Count);
                Assert.All(rows, r => Assert.Equal(4, r.GetInt32("Value")));
            }
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    [Fact]
    public async Task Writes_waiting_behind_a_transaction_storage_never_answers_fail_with_it_rather_than_each_wait_their_own()
    {
        await using var proxy = new PausableProxy(env.Azurite.TablePort);
        var tables = new StorageTables(Options.Create(new StorageOptions
        {
            ConnectionString = env.Azurite.ConnectionString.Replace(
                $"TableEndpoint=http://127.0.0.1:{env.Azurite.TablePort}/",
                $"TableEndpoint=http://127.0.0.1:{proxy.Port}/",
                StringComparison.Ordinal),
        }));
        var writes = new GroupCommit(tables);
        var partition = Partition();
        Task<string[]> Wave(int value) => Task.WhenAll(Enumerable.Range(0, 240)
            .Select(i => Outcome(writes.ReplaceAsync(Table, Row(partition, $"r{i}", value), default))));
        Assert.All(await Wave(1).WaitAsync(Hang), o => Assert.Equal("stored", o));

        // Frozen, not gone: connections are taken and never answered, so each attempt lasts the client's whole timeout.
        proxy.Pause();
        using var counter = new StorageRequestCounter(proxy.Port);
        var (during, _, unanswered) = await counter.MeasureAsync(() => Wave(2).WaitAsync(TimeSpan.FromSeconds(90)));

        Assert.All(during, o => Assert.Equal("unavailable", o));
        // One write's attempts (the first try and the client's two retries), not those of every transaction the wave
        // would have made: a caller told "storage unavailable" must not first wait for its neighbours' to time out too.
        Assert.InRange(unanswered, 1, 3);

        proxy.Resume();
        Assert.All(await Wave(3).WaitAsync(Hang), o => Assert.Equal("stored", o));
    }

    private static TableEntity Refused(string partition, int n) => (n % 3) switch
    {
        // A column over 64 KiB.
        0 => new TableEntity(partition, $"x{n}") { ["Value"] = -1, ["Text"] = new string('x', 40_000) },
        // A key with a character Table storage forbids.
        1 => new TableEntity(partition, $"x{n}/slash") { ["Value"] = -1 },
        // A key over 1 KiB.
        _ => new TableEntity(partition, $"x{n}" + new string('k', 1_100)) { ["Value"] = -1 },
    };

    private static Task<string> Outcome(Task call) => Outcome(() => call);

    private static async Task<string> Outcome(Func<Task> call)
    {
        try
        {
            await call();
            return "stored";
        }
        catch (OperationCanceledException)
        {
            return "cancelled";
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e))
        {
            return e is RequestFailedException { Status: > 0 } r ? $"unavailable {r.Status} {r.ErrorCode}" : "unavailable";
        }
        catch (RequestFailedException e)
        {
            return "refused " + e.ErrorCode;
        }
    }

    private static string Partition() => Guid.NewGuid().ToString("N");

    private static TableEntity Row(string partition, string key, int value) => new(partition, key) { ["Value"] = value };
}
