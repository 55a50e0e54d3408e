using Azure.Data.Tables;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Telemetry;

/// <summary>
/// The hosts' five-minute delivery counts in the <c>Deliveries</c> table (PK <c>stats</c>) do not pile up: on two hosts
/// on Azurite, buckets older than <see cref="PipelineMonitor.StatsKept"/> go, every host's (a stopped one's too), once per
/// bucket; the ones the <c>health</c> card reads stay.
/// </summary>
[Trait("Needs", "Azurite")]
public sealed class PipelineStatsRetentionTests(AzuriteFixture azurite) : IAsyncLifetime, IClassFixture<AzuriteFixture>
{
    private const string Gone = "stopped-host";
    // The hosts' own sampling loops wait an hour of the fake clock after their first look: the test samples.
    private readonly TwoHosts _hosts = new(azurite, new Dictionary<string, string?> { ["Telemetry:PipelineSampleSeconds"] = "3600" });

    public Task InitializeAsync() => _hosts.InitializeAsync();

    public Task DisposeAsync() => _hosts.DisposeAsync();

    [Fact]
    public async Task Buckets_older_than_two_hours_are_deleted_by_either_host_once_per_bucket_and_recent_ones_stay()
    {
        // Into a bucket neither host has sampled in yet (each samples as it starts).
        _hosts.Clock.Advance(PipelineStats.Bucket);
        var now = PipelineStats.BucketOf(_hosts.Clock.GetUtcNow());
        TimeSpan[] ages = [TimeSpan.FromHours(5), TimeSpan.FromMinutes(125), TimeSpan.FromHours(2), TimeSpan.FromMinutes(65), TimeSpan.Zero];
        await WriteAsync(Gone, ages.Select(a => now - a));

        await Task.WhenAll(Sample(_hosts.HostA), Sample(_hosts.HostB));

        Assert.Equal(
            new[] { now - TimeSpan.FromHours(2), now - TimeSpan.FromMinutes(65), now }.Select(b => Key(b, Gone)),
            (await RowsAsync()).Where(k => k.EndsWith(Gone, StringComparison.Ordinal)));

        // Within the same bucket the hosts do not look again: a row that turns up old stays until the next bucket.
        await WriteAsync(Gone, [now - TimeSpan.FromHours(3)]);
        _hosts.Clock.Advance(TimeSpan.FromMinutes(2));
        await Task.WhenAll(Sample(_hosts.HostA), Sample(_hosts.HostB));
        Assert.Contains(Key(now - TimeSpan.FromHours(3), Gone), await RowsAsync());

        _hosts.Clock.Advance(PipelineStats.Bucket);
        await Sample(_hosts.HostB);
        var left = await RowsAsync();
        Assert.DoesNotContain(Key(now - TimeSpan.FromHours(3), Gone), left);
        Assert.DoesNotContain(Key(now - TimeSpan.FromHours(2), Gone), left);
        Assert.Contains(Key(now - TimeSpan.FromMinutes(65), Gone), left);
        Assert.Contains(Key(now, Gone), left);
    }

    private static Task<PipelineSnapshot> Sample(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host) =>
        ((PipelineMonitor)host.Services.GetService(typeof(PipelineMonitor))!).SampleAsync(default);

    private Task WriteAsync(string host, IEnumerable<DateTimeOffset> buckets) =>
        _hosts.Get<DeliveryTable>().WriteStatsAsync(
            host,
            buckets.ToDictionary(b => b, _ => (IReadOnlyDictionary<string, long>)new Dictionary<string, long> { ["Sent"] = 1 }),
            default);

    private async Task<List<string>> RowsAsync() => [.. (await _hosts.Get<StorageTables>().QueryAsync(
        DeliveryTable.Name,
        TableClient.CreateQueryFilter($"PartitionKey eq {DeliveryTable.StatsPartition}"),
        row => row.RowKey,
        default)).Order(StringComparer.Ordinal)];

    private static string Key(DateTimeOffset bucket, string host) =>
        bucket.UtcDateTime.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture) + "|" + host;
}
