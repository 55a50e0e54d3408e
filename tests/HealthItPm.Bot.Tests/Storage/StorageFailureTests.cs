using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Tests.Support;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Tests.Storage;

/// <summary>Storage that does not answer is "try again later"; a cancellation someone asked for is not.</summary>
[Collection(SharedStorageEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class StorageFailureTests(StorageEnvironment env)
{
    [Fact]
    public async Task Storage_that_stops_answering_is_unavailable_once_the_clients_own_timeouts_run_out_but_a_callers_cancellation_is_not()
    {
        await using var proxy = new PausableProxy(env.Azurite.TablePort);
        var tables = new StorageTables(Options.Create(new StorageOptions
        {
            ConnectionString = env.Azurite.ConnectionString.Replace($"TableEndpoint=http://127.0.0.1:{env.Azurite.TablePort}/", $"TableEndpoint=http://127.0.0.1:{proxy.Port}/", StringComparison.Ordinal),
        }));
        await tables.GetAsync(RoundTable.Name, default);
        proxy.Pause();

        var timedOut = await Record.ExceptionAsync(() => tables.QueryAsync(RoundTable.Name, "PartitionKey eq 'schedule'", r => r.RowKey, default));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var cancelled = await Record.ExceptionAsync(() => tables.QueryAsync(RoundTable.Name, "PartitionKey eq 'schedule'", r => r.RowKey, cancel.Token));

        Assert.True(StorageFailure.IsUnavailable(Assert.IsType<AggregateException>(timedOut)), timedOut.ToString());
        Assert.False(StorageFailure.IsUnavailable(Assert.IsAssignableFrom<OperationCanceledException>(cancelled)));
    }
}
