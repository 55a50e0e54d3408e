using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Delivery;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Delivery;

/// <summary>
/// Runs in every bot host and takes the queue's work, competing with the other hosts for it. Work
/// flows rather than going in batches: each message is worked on as soon as it arrives (a fan-out by
/// <see cref="AudienceFanOut"/>, a recipient's card by <see cref="DeliveryAttempt"/>) while the next
/// are received, as long as the host holds less than about two seconds of its sends — enough that one
/// is always ready when its slot comes, and little for a host that dies to strand.
/// </summary>
public sealed partial class DeliveryReceiver : BackgroundService
{
    /// <summary>About how much of its sends a host holds at once.</summary>
    private static readonly TimeSpan Backlog = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest an idle host waits between looks at the queue: a fan-out begun on another host (or queued by
    /// a turn in another) reaches it within this; work added on this host wakes it at once. Each look is a
    /// storage transaction, about 10 million a month per host.
    /// </summary>
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(250);

    /// <summary>How soon a host with work in hand looks at the queue again after finding nothing new on it.</summary>
    private static readonly TimeSpan LookAgain = TimeSpan.FromMilliseconds(100);

    private readonly IDeliveryQueues _queue;
    private readonly DeliveryAttempt _attempt;
    private readonly AudienceFanOut _fanOut;
    private readonly HostMembership _membership;
    private readonly SendThrottle _throttle;
    private readonly Dictionary<string, DeliveryKind> _kinds;
    private readonly DeliveryOptions _options;
    private readonly ILogger<DeliveryReceiver> _logger;
    private readonly SemaphoreSlim _added = new(0);

    public DeliveryReceiver(
        IDeliveryQueues queue,
        DeliveryAttempt attempt,
        AudienceFanOut fanOut,
        HostMembership membership,
        SendThrottle throttle,
        IEnumerable<DeliveryKind> kinds,
        IOptions<DeliveryOptions> options,
        ILogger<DeliveryReceiver> logger)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(options);
        (_queue, _attempt, _fanOut, _membership, _throttle) = (queue, attempt, fanOut, membership, throttle);
        _kinds = kinds.ToDictionary(k => k.Kind);
        _options = options.Value;
        _logger = logger;
        _queue.Added += () => _added.Release();
    }

    /// <summary>
    /// Works on the queue until nothing on it can be acted on now: the last look found nothing new, and
    /// what was in hand has finished without moving anything on (it only waits). Returns how many
    /// messages moved on. The host's loop drains, then waits for work; a test drains to see it done.
    /// </summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var moved = 0;
        var working = new Dictionary<Task<bool>, string>();
        var waited = new HashSet<string>(StringComparer.Ordinal);
        var looking = true;
        void Finish(Task<bool> done)
        {
            if (done.Result)
            {
                moved++;
                looking = true;
            }
            else
            {
                waited.Add(working[done]);
            }

            working.Remove(done);
        }

        try
        {
            while (true)
            {
                foreach (var done in working.Keys.Where(t => t.IsCompleted).ToList())
                {
                    Finish(done);
                }

                if (!looking && working.Count == 0)
                {
                    return moved;
                }

                var room = Math.Min(_options.BatchSize, InFlightLimit() - working.Count);
                if (looking && room > 0)
                {
                    var messages = await ReceiveAsync(room, cancellationToken);
                    foreach (var message in messages)
                    {
                        working.Add(Task.Run(() => HandleAsync(message, cancellationToken), CancellationToken.None), message.MessageId);
                    }

                    // A message seen waiting before in this drain is nothing new: only something that moved on makes another look worth it.
                    looking = messages.Any(m => !waited.Contains(m.MessageId));
                    continue;
                }

                var finished = Task.WhenAny(working.Keys);
                if (!looking && await Task.WhenAny(finished, Task.Delay(LookAgain, cancellationToken)) != finished)
                {
                    // Work may have come while what is in hand takes its time (a fan-out enqueuing its slice).
                    looking = true;
                    continue;
                }

                Finish(await finished);
            }
        }
        finally
        {
            // Stopping: what is in hand finishes, or is cancelled and reappears after its lease.
            await Task.WhenAll(working.Keys);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        try
        {
            await Task.WhenAll(_membership.RunAsync(stoppingToken), ReceiveUntilStoppedAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_options.Enabled)
        {
            await _membership.LeaveAsync(cancellationToken);
        }
    }

    public override void Dispose()
    {
        _added.Dispose();
        base.Dispose();
    }

    private async Task ReceiveUntilStoppedAsync(CancellationToken stoppingToken)
    {
        // Slots taken before the first heartbeat would be on a schedule as if this host were alone.
        await _membership.Known.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await DrainAsync(stoppingToken);
            await _added.WaitAsync(IdlePoll, stoppingToken);
        }
    }

    /// <summary>How many messages this host works on at once: what its share of the rate sends in <see cref="Backlog"/>.</summary>
    private int InFlightLimit() => (int)Math.Clamp(Math.Ceiling(_throttle.PerHostRate * Backlog.TotalSeconds), 1, _options.MaxInFlight);

    private async Task<IReadOnlyList<ReceivedWork>> ReceiveAsync(int room, CancellationToken cancellationToken)
    {
        try
        {
            return await _queue.ReceiveAsync(room, _options.Lease, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e))
        {
            LogQueueUnavailable(_logger, e);
            return [];
        }
    }

    /// <summary>One message: true when it moved on. A failure leaves it on the queue, to reappear when its lease ends.</summary>
    private async Task<bool> HandleAsync(ReceivedWork message, CancellationToken cancellationToken)
    {
        try
        {
            if (message.Work is not { } work || !_kinds.TryGetValue(work.Kind, out var kind))
            {
                LogUnknownWork(_logger, message.Work?.Kind ?? "unreadable");
                await _queue.PoisonAsync(message, PoisonReasons.Unreadable, cancellationToken);
                return true;
            }

            if (work.FailedReceives(message.DequeueCount) > _options.MaxDequeueCount)
            {
                LogGivenUp(_logger, work.Kind, work.Subject, message.DequeueCount);
                if (!work.IsFanOut)
                {
                    await _attempt.GiveUpAsync(work, kind, cancellationToken);
                }

                await _queue.PoisonAsync(message, nameof(DeliveryFailure.Unprocessable), cancellationToken);
                return true;
            }

            if (work.IsFanOut)
            {
                await _fanOut.SliceAsync(message, work, kind, cancellationToken);
                return true;
            }

            return await _attempt.RunAsync(message, work, kind, cancellationToken);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the message reappears after its lease.
            return false;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogProcessingFailed(_logger, e, message.Work?.Kind ?? "unreadable", message.DequeueCount);
            if (StorageFailure.IsUnavailable(e) && message.Work is { } work)
            {
                await LookAgainSoonAsync(message, work, cancellationToken);
            }

            return false;
        }
    }

    /// <summary>
    /// Storage did not answer in time (slow or down): the work is looked at again after the pipeline's backoff
    /// for its failed receives instead of a whole lease. The record's claim, not the message, still decides
    /// whether and when it is sent, and the backoff doubles, so a long outage does not use up the receives
    /// before the work is given up.
    /// </summary>
    private async Task LookAgainSoonAsync(ReceivedWork message, DeliveryWork work, CancellationToken cancellationToken)
    {
        var backoff = _options.Rules.Backoff((int)Math.Min(work.FailedReceives(message.DequeueCount), 30), Random.Shared.NextDouble());
        try
        {
            await _queue.HideAsync(message, backoff < _options.Lease ? backoff : _options.Lease, null, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e) || e is OperationCanceledException or Azure.RequestFailedException)
        {
            // The queue is out of reach too, or the message moved on: its lease decides.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery queue or its storage is unavailable; trying again")]
    private static partial void LogQueueUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Delivery of {Kind} failed to be processed (received {DequeueCount} times); it reappears after its lease")]
    private static partial void LogProcessingFailed(ILogger logger, Exception exception, string kind, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery work of unknown kind {Kind} moved to the poison queue")]
    private static partial void LogUnknownWork(ILogger logger, string kind);

    [LoggerMessage(
        Level = LogLevel.Error, Message = "Delivery of {Kind} {Subject} given up after {DequeueCount} receives; moved to the poison queue")]
    private static partial void LogGivenUp(ILogger logger, string kind, string subject, long dequeueCount);
}
