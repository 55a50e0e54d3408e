using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Delivery;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Delivery;

/// <summary>
/// Runs in every bot host and takes the queues' work, competing with the other hosts for it. Work
/// flows rather than going in batches: each message is worked on as soon as it arrives (a fan-out by
/// <see cref="AudienceFanOut"/>, a recipient's card by <see cref="DeliveryAttempt"/>) while the next
/// are received. Each tenant's cards come from its own queue, as long as the host holds less than about two
/// seconds of its sends to that tenant — enough that one is always ready when its slot comes, little for a host
/// that dies to strand, and never a reason to wait for another tenant's backlog (docs/decisions/tenant-queues.md).
/// </summary>
public sealed partial class DeliveryReceiver : BackgroundService
{
    /// <summary>About how much of its sends to a tenant a host holds at once.</summary>
    private static readonly TimeSpan Backlog = TimeSpan.FromSeconds(2);

    /// <summary>How many fan-outs a host slices at once, besides its cards: a slice is a few seconds of writes, not sends.</summary>
    private const int FanOutsAtOnce = 2;

    /// <summary>
    /// The longest an idle host waits between looks at the queues: a fan-out begun on another host (or queued by
    /// a turn in another) reaches it within this; work added on this host wakes it at once. Each look is a
    /// storage transaction per queue, about 10 million a month per host and queue.
    /// </summary>
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(250);

    /// <summary>How soon a host with work in hand looks at the queues again after finding nothing new on them.</summary>
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
    private IReadOnlyList<string> _tenantQueues = [];
    private int _looks;

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
    /// Works on the queues until nothing on them can be acted on now: the last look found nothing new, and
    /// what was in hand has finished without moving anything on (it only waits). Returns how many
    /// messages moved on. The host's loop drains, then waits for work; a test drains to see it done.
    /// </summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var moved = 0;
        var working = new Dictionary<Task<bool>, ReceivedWork>();
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
                waited.Add(working[done].MessageId);
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

                var rooms = looking ? await RoomsAsync(working.Values, cancellationToken) : [];
                if (rooms.Count > 0)
                {
                    var received = await Task.WhenAll(rooms.Select(r => ReceiveAsync(r, cancellationToken)));
                    var messages = received.SelectMany(m => m).ToList();
                    foreach (var message in messages)
                    {
                        working.Add(Task.Run(() => HandleAsync(message, cancellationToken), CancellationToken.None), message);
                    }

                    // A message seen waiting before in this drain is nothing new: only something that moved on makes another look worth it.
                    looking = messages.Any(m => !waited.Contains(m.MessageId));
                    continue;
                }

                if (working.Count == 0)
                {
                    looking = false;
                    continue;
                }

                // Nothing to receive now (no room, or no tenant's queue known yet): work may come while what is in hand
                // takes its time — a fan-out enqueuing its slice takes seconds — so look again soon rather than wait for it.
                var finished = Task.WhenAny(working.Keys);
                if (await Task.WhenAny(finished, Task.Delay(LookAgain, cancellationToken)) != finished)
                {
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

    /// <summary>One look's receives: what this host has room for on each queue.</summary>
    private sealed record Room(string Queue, int Count, TimeSpan Visibility);

    /// <summary>
    /// Room on the fan-outs' queue for <see cref="FanOutsAtOnce"/>, received for <see cref="AudienceFanOut.Hold"/>; on each
    /// tenant's queue for what this host's share of the tenant's rate sends in <see cref="Backlog"/>, received for a lease;
    /// all cards together at most <see cref="DeliveryOptions.MaxInFlight"/>, shared out evenly between the tenants.
    /// </summary>
    private async Task<List<Room>> RoomsAsync(IEnumerable<ReceivedWork> working, CancellationToken cancellationToken)
    {
        var held = working.GroupBy(m => m.Queue, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var rooms = new List<Room>();
        var fanOuts = FanOutsAtOnce - held.GetValueOrDefault(DeliveryQueues.FanOutQueue);
        if (fanOuts > 0)
        {
            rooms.Add(new Room(DeliveryQueues.FanOutQueue, fanOuts, AudienceFanOut.Hold));
        }

        var cards = _options.MaxInFlight - held.Where(h => h.Key != DeliveryQueues.FanOutQueue).Sum(h => h.Value);
        var perTenant = (int)Math.Clamp(Math.Ceiling(_throttle.PerHostTenantRate * Backlog.TotalSeconds), 1, _options.MaxInFlight);
        var tenants = await TenantQueuesAsync(cancellationToken);
        if (tenants.Count == 0)
        {
            return rooms;
        }

        // Room the cap leaves is shared out evenly in one look; who is first for what does not divide evenly takes turns.
        var share = Math.Max(1, (cards + tenants.Count - 1) / tenants.Count);
        var first = (int)((uint)Interlocked.Increment(ref _looks) % (uint)tenants.Count);
        foreach (var tenant in tenants.Skip(first).Concat(tenants.Take(first)))
        {
            var room = Math.Min(Math.Min(perTenant - held.GetValueOrDefault(tenant), Math.Min(_options.BatchSize, share)), cards);
            if (room > 0)
            {
                rooms.Add(new Room(tenant, room, _options.Lease));
                cards -= room;
            }
        }

        return rooms;
    }

    /// <summary>The tenants' queues as last listed; while storage does not answer, the ones known before.</summary>
    private async Task<IReadOnlyList<string>> TenantQueuesAsync(CancellationToken cancellationToken)
    {
        try
        {
            return _tenantQueues = await _queue.TenantQueuesAsync(fresh: false, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e))
        {
            LogQueueUnavailable(_logger, e);
            return _tenantQueues;
        }
    }

    private async Task<IReadOnlyList<ReceivedWork>> ReceiveAsync(Room room, CancellationToken cancellationToken)
    {
        try
        {
            return await _queue.ReceiveAsync(room.Queue, Math.Min(room.Count, _options.BatchSize), room.Visibility, cancellationToken);
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
