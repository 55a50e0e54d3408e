using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Telemetry;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Delivery;

/// <summary>The pipeline as it stands: what the gauges report and the <c>health</c> card shows.</summary>
public sealed record PipelineSnapshot(
    int LiveHosts,
    int QueueDepth,
    TimeSpan? OldestAge,
    int PoisonDepth,
    IReadOnlyList<QueuedWork> NewestPoison,
    IReadOnlyDictionary<string, long> LastHour);

/// <summary>
/// Every <see cref="TelemetryOptions.PipelineSampleSeconds"/>, on every host: reads the queue's depth (every message) and
/// the age of its oldest visible one (a message being sent or waiting a retry is hidden, and the queue service shows no
/// hidden message), the poison queue's depth and the live hosts into the gauges of <see cref="BotTelemetry"/>, writes this
/// host's <see cref="PipelineStats"/> buckets and deletes old ones. The <c>health</c> card reads the same, on demand.
/// </summary>
public sealed partial class PipelineMonitor(
    DeliveryQueues queues,
    DeliveryTable table,
    PipelineStats stats,
    IOptions<DeliveryOptions> delivery,
    IOptions<TelemetryOptions> telemetry,
    TimeProvider clock,
    ILogger<PipelineMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>How many of the poison queue's messages the card names.</summary>
    public const int NewestPoisonShown = 5;

    /// <summary>
    /// How long the hosts' delivery counts are kept in the <c>Deliveries</c> table: the card reads the last hour, and the
    /// margin covers a host whose clock runs behind. Older buckets are deleted once per bucket by each host.
    /// </summary>
    public static readonly TimeSpan StatsKept = TimeSpan.FromHours(2);

    // The bucket (its start's ticks) this host last deleted old buckets in; the card's reads run beside the loop's.
    private long _prunedIn;

    public async Task<PipelineSnapshot> SampleAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var depth = await queues.WaitingAsync(cancellationToken);
        // A queue hands out roughly, not strictly, in order: the oldest of each queue's head of 32 rather than the first.
        var head = await queues.PeekWaitingAsync(cancellationToken);
        var oldest = head.Min(h => h.AddedAt);
        var poisonDepth = await queues.CountAsync(DeliveryQueues.PoisonQueue, cancellationToken);
        var poison = poisonDepth == 0 ? [] : await queues.PeekAsync(DeliveryQueues.PoisonQueue, 32, cancellationToken);
        var live = await table.LiveHostsAsync(TimeSpan.FromSeconds(delivery.Value.HeartbeatSeconds * 3), cancellationToken);
        await table.WriteStatsAsync(stats.HostId, stats.Buckets(Hour + PipelineStats.Bucket), cancellationToken);
        var lastHour = await table.ReadStatsAsync(PipelineStats.BucketOf(now - Hour), cancellationToken);
        await DeleteOldStatsAsync(now, cancellationToken);

        var age = oldest is { } added ? now - added : (TimeSpan?)null;
        var ageSeconds = age is { } a && a > TimeSpan.Zero ? a.TotalSeconds : 0;
        BotTelemetry.Pipeline.SetQueues(depth, ageSeconds, poisonDepth);
        BotTelemetry.Pipeline.SetLiveHosts(live);
        return new PipelineSnapshot(
            live,
            depth,
            age,
            poisonDepth,
            [.. poison.OrderByDescending(p => p.AddedAt).Take(NewestPoisonShown)],
            lastHour);
    }

    /// <summary>
    /// Once per bucket on this host (again at the next sample if storage failed): every host's buckets older than
    /// <see cref="StatsKept"/> go, a stopped host's included. Hosts (or the card and the loop) doing it at once delete the
    /// same few rows, which is harmless.
    /// </summary>
    private async Task DeleteOldStatsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var bucket = PipelineStats.BucketOf(now).UtcTicks;
        if (Volatile.Read(ref _prunedIn) == bucket)
        {
            return;
        }

        await table.DeleteStatsBeforeAsync(PipelineStats.BucketOf(now - StatsKept), cancellationToken);
        Volatile.Write(ref _prunedIn, bucket);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(telemetry.Value.PipelineSampleSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception e) when (StorageFailure.IsUnavailable(e) || e is Azure.RequestFailedException)
            {
                LogSampleFailed(logger, e);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await Task.Delay(every, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning, Message = "Reading the delivery pipeline's state failed for storage; its gauges keep their last values")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}
