using HealthItPm.Bot.Storage;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Delivery;

/// <summary>
/// Which hosts deliver, so that each takes its share of every tenant's slots (<see cref="SendThrottle"/>):
/// every <see cref="DeliveryOptions.HeartbeatSeconds"/> this host writes its heartbeat and reads the
/// others'; the hosts seen within three beats, in one order every host reads alike, are numbered.
/// </summary>
public sealed partial class HostMembership(
    ILiveHosts hosts, SendThrottle throttle, IOptions<DeliveryOptions> options, TimeProvider clock, ILogger<HostMembership> logger)
{
    private readonly string _id = Guid.NewGuid().ToString("N");
    private readonly TaskCompletionSource _known = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at this host's first heartbeat: until then it does not know its share, and takes no work.</summary>
    public Task Known => _known.Task;

    /// <summary>Beats until stopped.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(options.Value.HeartbeatSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            await BeatAsync(every * 3, stoppingToken);
            await Task.Delay(every, clock, stoppingToken);
        }
    }

    /// <summary>One heartbeat; the live hosts as it read them set this host's share.</summary>
    public async Task BeatAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        try
        {
            var live = await hosts.HeartbeatAsync(_id, window, cancellationToken);
            throttle.SetShare(Math.Max(0, live.ToList().IndexOf(_id)), Math.Max(1, live.Count));
            _known.TrySetResult();
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e))
        {
            LogHeartbeatFailed(logger, e);
        }
    }

    /// <summary>A host stopping gives its share back at once, instead of when its heartbeat goes stale.</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await hosts.LeaveAsync(_id, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e) || e is OperationCanceledException)
        {
            // Its heartbeat goes stale instead.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A delivering host's heartbeat failed for storage; its share stays as it was")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception);
}
