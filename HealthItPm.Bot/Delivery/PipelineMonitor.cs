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
/// Every <see cref="TelemetryOptions.PipelineSampleSeconds"/>, on every host: reads the queue's depth and the age of its
/// oldest visible message, the poison queue's depth and the live hosts into the gauges of <see cref="BotTelemetry"/>,
/// and writes this host's <see cref="PipelineStats"/> buckets. The <c>health</c> card reads the same, on demand.
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

    public async Task<PipelineSnapshot> SampleAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var depth = await queues.CountAsync(DeliveryQueues.WorkQueue, cancellationToken);
        var head = await queues.PeekAsync(DeliveryQueues.WorkQueue, 1, cancellationToken);
        var oldest = head.Count > 0 ? head[0].AddedAt : null;
        var poisonDepth = await queues.CountAsync(DeliveryQueues.PoisonQueue, cancellationToken);
        var poison = poisonDepth == 0 ? [] : await queues.PeekAsync(DeliveryQueues.PoisonQueue, 32, cancellationToken);
        var live = await table.LiveHostsAsync(TimeSpan.FromSeconds(delivery.Value.HeartbeatSeconds * 3), cancellationToken);
        await table.WriteStatsAsync(stats.HostId, stats.Buckets(Hour + PipelineStats.Bucket), cancellationToken);
        var lastHour = await table.ReadStatsAsync(PipelineStats.BucketOf(now - Hour), cancellationToken);

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
