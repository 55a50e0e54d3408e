using System.Globalization;
using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Storage.Delivery;
using HealthItPm.Domain.Delivery;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Messaging.Delivery;

/// <summary>
/// Runs in every bot host and delivers the queue's work, competing with the other hosts for it.
/// For each recipient: the record is read (settled: nothing to do), claimed with its ETag for a lease
/// as long as the message's, the card composed, the send throttled and tried once, and Teams'
/// answer decided by <see cref="DeliveryRules"/>: settled (recorded first, then the message removed)
/// or retried later (the message hidden until then — nothing waits on a worker). A host killed at any
/// line loses nothing: its message reappears when the lease ends and the record says what is left.
/// </summary>
public sealed partial class DeliveryWorker : BackgroundService
{
    private readonly DeliveryQueues _queue;
    private readonly DeliveryTable _ledger;
    private readonly ProactiveSender _sender;
    private readonly SendThrottle _throttle;
    private readonly Dictionary<string, DeliveryKind> _kinds;
    private readonly DeliveryOptions _options;
    private readonly DeliveryRules _rules;
    private readonly TimeProvider _clock;
    private readonly ILogger<DeliveryWorker> _logger;
    // What the last write of a record may take: a write started later could land after another host took the claim over.
    private static readonly TimeSpan RecordMargin = TimeSpan.FromSeconds(4);

    /// <summary>About how much of its sends a host holds at once (see <see cref="InFlightLimit"/>).</summary>
    private static readonly TimeSpan Backlog = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest an idle host waits between looks at the queue. A fan-out begun on another host reaches
    /// this one within it, and until then this host's slots go unused. Each receive loop looking twice a
    /// second is about 21 million queue transactions a month per host: under a dollar.
    /// </summary>
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(500);

    private readonly string _hostId = Guid.NewGuid().ToString("N");
    private readonly SemaphoreSlim _added = new(0);
    private readonly SemaphoreSlim _finished = new(0);

    // Set by the first heartbeat that answered: until then this host does not know its share of the rate.
    private readonly TaskCompletionSource _shareKnown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;

    public DeliveryWorker(
        DeliveryQueues queue,
        DeliveryTable ledger,
        ProactiveSender sender,
        SendThrottle throttle,
        IEnumerable<DeliveryKind> kinds,
        IOptions<DeliveryOptions> options,
        TimeProvider clock,
        ILogger<DeliveryWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(options);
        _queue = queue;
        _ledger = ledger;
        _sender = sender;
        _throttle = throttle;
        _kinds = kinds.ToDictionary(k => k.Kind);
        _options = options.Value;
        _rules = _options.Rules;
        _clock = clock;
        _logger = logger;
        _queue.Added += () => _added.Release();
    }

    /// <summary>Works until nothing on the queue can be acted on now; returns how many items were acted on.</summary>
    public async Task<int> PumpAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (await PumpOnceAsync(cancellationToken) is var done and > 0)
        {
            total += done;
        }

        return total;
    }

    public override void Dispose()
    {
        _added.Dispose();
        _finished.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        var loops = Enumerable.Range(0, _options.Consumers).Select(_ => ConsumeAsync(stoppingToken)).Append(HeartbeatAsync(stoppingToken));
        try
        {
            await Task.WhenAll(loops);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// One receive loop. Work flows rather than going in batches: a receive takes only what the host
    /// has room for (<see cref="InFlightLimit"/>, all loops together), and each message is worked on
    /// as soon as it arrives while the loop receives the next — so the throttle always has sends
    /// waiting and no slow send holds back the ones received with it.
    /// </summary>
    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        var idle = TimeSpan.FromMilliseconds(100);
        var working = new List<Task>();
        try
        {
            // Slots taken before the first heartbeat would be on a schedule as if this host were alone.
            await _shareKnown.Task.WaitAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                working.RemoveAll(t => t.IsCompleted);
                var room = TakeRoom();
                if (room <= 0)
                {
                    await _finished.WaitAsync(TimeSpan.FromMilliseconds(200), stoppingToken);
                    continue;
                }

                IReadOnlyList<ReceivedWork> messages = [];
                try
                {
                    messages = await _queue.ReceiveAsync(room, _options.Lease, stoppingToken);
                }
                catch (Exception e) when (StorageFailure.IsUnavailable(e))
                {
                    LogQueueUnavailable(_logger, e);
                }
                finally
                {
                    Interlocked.Add(ref _inFlight, messages.Count - room);
                }

                foreach (var message in messages)
                {
                    working.Add(WorkOnAsync(message, stoppingToken));
                }

                // Poll slower while there is nothing to do (each poll is a storage transaction); new work on this host wakes it at once.
                idle = messages.Count > 0 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromMilliseconds(Math.Min(idle.TotalMilliseconds * 2, IdlePoll.TotalMilliseconds));
                if (messages.Count == 0)
                {
                    await _added.WaitAsync(idle, stoppingToken);
                }
            }
        }
        finally
        {
            // Stopping: what is being sent finishes (or is cancelled, and reappears after its lease) before the host goes.
            await Task.WhenAll(working);
        }
    }

    private async Task WorkOnAsync(ReceivedWork message, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Yield();
            await ProcessSafelyAsync(message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            _finished.Release();
        }
    }

    private async Task HeartbeatAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(_options.HeartbeatSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var live = await _ledger.HeartbeatAsync(_hostId, every * 3, stoppingToken);
                _throttle.SetShare(Math.Max(0, live.ToList().IndexOf(_hostId)), Math.Max(1, live.Count));
                _shareKnown.TrySetResult();
            }
            catch (Exception e) when (StorageFailure.IsUnavailable(e))
            {
                LogQueueUnavailable(_logger, e);
            }

            await Task.Delay(every, stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_options.Enabled)
        {
            try
            {
                await _ledger.LeaveAsync(_hostId, cancellationToken);
            }
            catch (Exception e) when (StorageFailure.IsUnavailable(e) || e is OperationCanceledException)
            {
                // The heartbeat goes stale instead.
            }
        }
    }

    private async Task<int> PumpOnceAsync(CancellationToken cancellationToken)
    {
        var messages = await _queue.ReceiveAsync(ReceiveCount(), _options.Lease, cancellationToken);
        var acted = await Task.WhenAll(messages.Select(m => ProcessSafelyAsync(m, cancellationToken)));
        return acted.Count(a => a);
    }

    private async Task<bool> ProcessSafelyAsync(ReceivedWork message, CancellationToken cancellationToken)
    {
        try
        {
            return await ProcessAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Left on the queue: it reappears when its lease ends, and after MaxDequeueCount it is given up.
            LogProcessingFailed(_logger, e, message.Work?.Kind ?? "unreadable", message.DequeueCount);
            if (StorageFailure.IsUnavailable(e) && message.Work is { } work)
            {
                await LookAgainSoonAsync(message, work, cancellationToken);
            }

            return false;
        }
    }

    /// <summary>
    /// Storage did not answer in time (slow or down): the work is looked at again after the pipeline's
    /// backoff for its failed receives instead of a whole lease, so a moment of slow storage under load
    /// does not hold a card back for the lease. The record's claim, not the message, still decides
    /// whether and when it is sent, and the backoff doubles, so a long outage does not use up the
    /// receives before the work is given up.
    /// </summary>
    private async Task LookAgainSoonAsync(ReceivedWork message, DeliveryWork work, CancellationToken cancellationToken)
    {
        var backoff = _rules.Backoff((int)Math.Min(work.FailedReceives(message.DequeueCount), 30), Random.Shared.NextDouble());
        try
        {
            await _queue.HideAsync(message, backoff < _options.Lease ? backoff : _options.Lease, null, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e) || e is OperationCanceledException || e is Azure.RequestFailedException)
        {
            // The queue is out of reach too, or the message moved on: its lease decides.
        }
    }

    private async Task<bool> ProcessAsync(ReceivedWork message, CancellationToken cancellationToken)
    {
        if (message.Work is not { } work || !_kinds.TryGetValue(work.Kind, out var kind))
        {
            LogUnknownWork(_logger, message.Work?.Kind ?? "unreadable");
            await _queue.PoisonAsync(message, cancellationToken);
            return true;
        }

        if (work.FailedReceives(message.DequeueCount) > _options.MaxDequeueCount)
        {
            LogGivenUp(_logger, work.Kind, work.Subject, message.DequeueCount);
            if (work.RecipientId is { } recipient)
            {
                await SettleAsync(work, kind, await _ledger.ReadAsync(work.TenantId, work.Topic, recipient, cancellationToken), new DeliveryDecision.Settle(DeliveryState.NotDelivered, DeliveryFailure.Unprocessable), null, cancellationToken);
            }

            await _queue.PoisonAsync(message, cancellationToken);
            return true;
        }

        return work.IsFanOut
            ? await FanOutAsync(message, work, kind, cancellationToken)
            : await DeliverAsync(message, work, kind, cancellationToken);
    }

    /// <summary>
    /// Enqueues one slice of the audience, then rewrites the message itself to point at the next slice:
    /// a host dying mid-way repeats at most one slice, and the records make the repeats send nothing twice.
    /// </summary>
    private async Task<bool> FanOutAsync(ReceivedWork message, DeliveryWork work, DeliveryKind kind, CancellationToken cancellationToken)
    {
        var audience = await kind.AudienceAsync(work, work.Offset, _options.FanOutSlice, cancellationToken);
        await _queue.EnqueueAsync([.. audience.Select(p => work with { Recipient = p.Value, Offset = 0, Handled = 0 })], cancellationToken);
        if (audience.Count < _options.FanOutSlice)
        {
            await _queue.CompleteAsync(message, cancellationToken);
        }
        else
        {
            await _queue.HideAsync(message, TimeSpan.Zero, work with { Offset = work.Offset + audience.Count, Handled = work.Handled + 1 }, cancellationToken);
        }

        return true;
    }

    private async Task<bool> DeliverAsync(ReceivedWork message, DeliveryWork work, DeliveryKind kind, CancellationToken cancellationToken)
    {
        var tenant = work.TenantId;
        var recipient = work.RecipientId!.Value;
        var now = _clock.GetUtcNow();

        // Work seen for the first time almost always has no record yet: claiming it is one write, and
        // only when one exists (the work was enqueued twice) is it read first.
        if (message.DequeueCount == 1 && work.Handled == 0
            && Claim(work, null, now) is var first && await _ledger.WriteAsync(tenant, first, null, reported: false, cancellationToken) is { } firstVersion)
        {
            return await ComposeAndSendAsync(message, work, kind, new VersionedDelivery(first, firstVersion), cancellationToken);
        }

        var stored = await _ledger.ReadAsync(tenant, work.Topic, recipient, cancellationToken);
        if ((stored is null ? now : stored.Record.ActionableAt(now)) is not { } actionable)
        {
            // Settled already (work enqueued twice, or seen again after a host died): tell its owner if that was missed, then done.
            if (!stored!.Reported)
            {
                await ReportAsync(work, kind, stored.Record, cancellationToken);
            }

            await _queue.CompleteAsync(message, cancellationToken);
            return true;
        }

        if (actionable > now)
        {
            // Another host holds it, or a retry waits: look again then (or after the longest sleep).
            await _queue.HideAsync(message, Sleep(actionable - now), work with { Handled = work.Handled + 1 }, cancellationToken);
            return false;
        }

        var claim = Claim(work, stored?.Record, now);
        var version = await _ledger.WriteAsync(tenant, claim, stored?.Version, reported: false, cancellationToken);
        if (version is null)
        {
            // Another host claimed it in the same moment: look again shortly (its record will say what it did).
            await _queue.HideAsync(message, Sleep(TimeSpan.FromSeconds(1)), work with { Handled = work.Handled + 1 }, cancellationToken);
            return false;
        }

        return await ComposeAndSendAsync(message, work, kind, new VersionedDelivery(claim, version), cancellationToken);
    }

    /// <summary>The record that claims a delivery for this host for one lease: one more try than <paramref name="stored"/> had.</summary>
    private DeliveryRecord Claim(DeliveryWork work, DeliveryRecord? stored, DateTimeOffset now) =>
        new(work.Topic, work.RecipientId!.Value, DeliveryState.Pending, (stored?.Attempts ?? 0) + 1, now + _options.Lease, null, stored?.LastStatus, stored?.Failure, now);

    private async Task<bool> ComposeAndSendAsync(ReceivedWork message, DeliveryWork work, DeliveryKind kind, VersionedDelivery claimed, CancellationToken cancellationToken)
    {
        var (tenant, claim, version, attempts, now) = (work.TenantId, claimed.Record, claimed.Version, claimed.Record.Attempts, claimed.Record.UpdatedAt);
        switch (await ComposeForRecipientAsync(work, kind, cancellationToken))
        {
            case Composition.NotNeeded:
                await SettleAsync(work, kind, claimed, new DeliveryDecision.Settle(DeliveryState.NotNeeded), null, cancellationToken);
                await _queue.CompleteAsync(message, cancellationToken);
                return true;
            case Composition.Later later:
                // Not a try: the claim is given back with the wait, and the attempt count stays as it was.
                var waiting = claim with { Attempts = attempts - 1, ClaimedUntil = null, NextAttemptAt = now + later.Wait };
                await _ledger.WriteAsync(tenant, waiting, version, reported: false, cancellationToken);
                await _queue.HideAsync(message, Sleep(later.Wait), work with { Handled = work.Handled + 1 }, cancellationToken);
                return false;
            case Composition.Card card:
                await SendAsync(message, work, kind, claimed, card.Activity, cancellationToken);
                return true;
            default:
                throw new InvalidOperationException("A composition the pipeline does not know.");
        }
    }

    // The card is worded in the recipient's culture, set here for the composing alone (an async method's change ends with it).
    private async Task<Composition> ComposeForRecipientAsync(DeliveryWork work, DeliveryKind kind, CancellationToken cancellationToken)
    {
        var culture = await _sender.CultureOfAsync(work.TenantId, work.RecipientId!.Value, cancellationToken);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
        return await kind.ComposeAsync(work, cancellationToken);
    }

    private async Task SendAsync(ReceivedWork message, DeliveryWork work, DeliveryKind kind, VersionedDelivery claimed, IActivity activity, CancellationToken cancellationToken)
    {
        var (tenant, recipient, claim, version, attempts) = (work.TenantId, work.RecipientId!.Value, claimed.Record, claimed.Version, claimed.Record.Attempts);
        if (await RenewIfRunningOutAsync(message, claimed, _throttle.ExpectedWait(work.Tenant), cancellationToken) is not var (renewedMessage, renewedClaim))
        {
            // Another host took the delivery over meanwhile: it is that host's to send.
            return;
        }

        (message, claimed, claim, version) = (renewedMessage, renewedClaim, renewedClaim.Record, renewedClaim.Version);
        var answer = await _sender.SendToPersonAsync(tenant, recipient, activity, token => _throttle.WaitForTurnAsync(work.Tenant, recipient.Value, token), cancellationToken);
        var decision = _rules.Decide(answer, attempts, Random.Shared.NextDouble());
        var status = answer switch
        {
            SendAnswer.Transient t => t.Status,
            SendAnswer.Unreachable u => u.Status,
            SendAnswer.Rejected r => r.Status,
            SendAnswer.Throttled => 429,
            _ => null,
        };

        switch (decision)
        {
            case DeliveryDecision.Settle settle:
                await SettleAsync(work, kind, claimed, settle, status, cancellationToken);
                if (settle.State == DeliveryState.NotDelivered)
                {
                    await _queue.PoisonAsync(message, cancellationToken);
                }
                else
                {
                    await _queue.CompleteAsync(message, cancellationToken);
                }

                break;
            case DeliveryDecision.Retry retry:
                LogRetry(_logger, work.Kind, work.Subject, status, attempts, retry.Wait);
                var waiting = claim with { ClaimedUntil = null, NextAttemptAt = _clock.GetUtcNow() + retry.Wait, LastStatus = status, UpdatedAt = _clock.GetUtcNow() };
                await _ledger.WriteAsync(tenant, waiting, version, reported: false, cancellationToken);
                await _queue.HideAsync(message, Sleep(retry.Wait), work with { Handled = work.Handled + 1 }, cancellationToken);
                break;
        }
    }

    private async Task SettleAsync(DeliveryWork work, DeliveryKind kind, VersionedDelivery? claimed, DeliveryDecision.Settle settle, int? status, CancellationToken cancellationToken)
    {
        var recipient = work.RecipientId!.Value;
        var now = _clock.GetUtcNow();
        var settled = new DeliveryRecord(work.Topic, recipient, settle.State, claimed?.Record.Attempts ?? 0, null, null, status ?? claimed?.Record.LastStatus, settle.Failure, now);

        // The record first: from here on the card is never sent again, whatever happens to this host.
        if (await WhileClaimedAsync(claimed, () => _ledger.WriteAsync(work.TenantId, settled, claimed?.Version, reported: !kind.ReportsSettlement, cancellationToken), cancellationToken) is null)
        {
            return;
        }

        if (settle.State is DeliveryState.NotDelivered or DeliveryState.Unreachable)
        {
            LogNotDelivered(_logger, work.Kind, work.Subject, settle.State, settle.Failure, settled.LastStatus, settled.Attempts);
        }

        if (kind.ReportsSettlement)
        {
            await ReportAsync(work, kind, settled, cancellationToken);
        }
    }

    /// <summary>
    /// Writes what a try came to. Until that record lands, a card Teams took may be sent again once the
    /// claim runs out, so storage that does not answer is tried again, with doubling pauses, for as long
    /// as the claim still holds with a margin (while it holds, no other host sends this card).
    /// </summary>
    private async Task<T> WhileClaimedAsync<T>(VersionedDelivery? claimed, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        var pause = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                return await write();
            }
            catch (Exception e) when (StorageFailure.IsUnavailable(e) && claimed?.Record.ClaimedUntil - _clock.GetUtcNow() > pause + RecordMargin)
            {
                LogRecordRetried(_logger, e, pause);
                await Task.Delay(pause, cancellationToken);
                pause *= 2;
            }
        }
    }

    private async Task ReportAsync(DeliveryWork work, DeliveryKind kind, DeliveryRecord settled, CancellationToken cancellationToken)
    {
        await kind.SettledAsync(work, settled, cancellationToken);
        await _ledger.MarkReportedAsync(work.TenantId, work.Topic, settled.Recipient, cancellationToken);
    }

    /// <summary>
    /// How many messages this host works on at once: what its share of the rate sends in <see cref="Backlog"/>,
    /// enough that a send is always ready when a slot comes. Holding the lease's worth (128 messages, 8 s at
    /// 30/s) only kept cards back that another host, or one started since, could have sent.
    /// </summary>
    private int InFlightLimit() =>
        (int)Math.Clamp(Math.Ceiling(_throttle.PerHostRate * Backlog.TotalSeconds), 1, _options.Consumers * _options.BatchSize);

    private int ReceiveCount() => Math.Min(_options.BatchSize, InFlightLimit());

    /// <summary>
    /// Counts a receive's messages in flight before it is made: the loops receive at the same time, and each
    /// counting only what had arrived, a host that had just started took in 155 messages: 16 s of its share.
    /// </summary>
    private int TakeRoom()
    {
        while (true)
        {
            var inFlight = Volatile.Read(ref _inFlight);
            var room = Math.Min(_options.BatchSize, InFlightLimit() - inFlight);
            if (room <= 0 || Interlocked.CompareExchange(ref _inFlight, inFlight + room, inFlight) == inFlight)
            {
                return room;
            }
        }
    }

    /// <summary>
    /// Before the send: if less than half the lease would be left when its turn is expected, the claim and
    /// the message's lease are renewed to a whole lease after it (the send and its record must fit in what
    /// is left). Null when another host claimed the delivery meanwhile: it is that host's to send now.
    /// </summary>
    private async Task<(ReceivedWork Message, VersionedDelivery Claim)?> RenewIfRunningOutAsync(ReceivedWork message, VersionedDelivery claimed, TimeSpan wait, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        if (claimed.Record.ClaimedUntil - (now + wait) > _options.Lease / 2)
        {
            return (message, claimed);
        }

        var until = now + wait + _options.Lease;
        var renewed = claimed.Record with { ClaimedUntil = until, UpdatedAt = now };
        if (await _ledger.WriteAsync(message.Work!.TenantId, renewed, claimed.Version, reported: false, cancellationToken) is not { } version)
        {
            return null;
        }

        var popReceipt = await _queue.HideAsync(message, until - now, null, cancellationToken);
        return (message with { PopReceipt = popReceipt }, new VersionedDelivery(renewed, version));
    }

    private TimeSpan Sleep(TimeSpan wait)
    {
        var longest = TimeSpan.FromSeconds(_options.MaxSleepSeconds);
        return wait < longest ? wait : longest;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording a delivery's outcome failed for storage; trying again in {Pause}")]
    private static partial void LogRecordRetried(ILogger logger, Exception exception, TimeSpan pause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery queue or its storage is unavailable; trying again")]
    private static partial void LogQueueUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery of {Kind} failed to be processed (received {DequeueCount} times); it reappears after its lease")]
    private static partial void LogProcessingFailed(ILogger logger, Exception exception, string kind, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery work of unknown kind {Kind} moved to the poison queue")]
    private static partial void LogUnknownWork(ILogger logger, string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery of {Kind} {Subject} given up after {DequeueCount} receives; moved to the poison queue")]
    private static partial void LogGivenUp(ILogger logger, string kind, string subject, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery of {Kind} {Subject} answered {StatusCode} on try {Attempt}; retried in {Wait}")]
    private static partial void LogRetry(ILogger logger, string kind, string subject, int? statusCode, int attempt, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery of {Kind} {Subject} settled as {State}: {Failure} (last status {StatusCode}, {Attempts} tries)")]
    private static partial void LogNotDelivered(ILogger logger, string kind, string subject, DeliveryState state, DeliveryFailure? failure, int? statusCode, int attempts);
}
