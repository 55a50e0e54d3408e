using System.Globalization;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Delivery;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Delivery;

/// <summary>
/// One try at one recipient's card (docs/decisions/per-recipient-claims.md): the record is read (settled:
/// nothing to do), claimed with its version for one lease, the card composed in the recipient's culture,
/// sent once in its throttle slot, and Teams' answer decided by <see cref="DeliveryRules"/>: settled (the
/// record first, then the message removed) or tried again later (the message hidden until then; nothing
/// waits on a worker). A host killed at any line loses nothing: its message reappears when the lease
/// ends, and the record says what is left.
/// </summary>
public sealed partial class DeliveryAttempt(
    IDeliveryQueues queue,
    IDeliveryRecords records,
    IProactiveSender sender,
    SendThrottle throttle,
    IOptions<DeliveryOptions> options,
    TimeProvider clock,
    ILogger<DeliveryAttempt> logger,
    PipelineStats? stats = null,
    SentCardTable? sentCards = null)
{
    private readonly PipelineStats _stats = stats ?? new PipelineStats(clock);

    // What the last write of a record may take: a write started later could land after another host took the claim over.
    private static readonly TimeSpan RecordMargin = TimeSpan.FromSeconds(4);

    private readonly DeliveryOptions _options = options.Value;
    private readonly DeliveryRules _rules = options.Value.Rules;

    /// <summary>
    /// Tries the message's delivery. True when it moved on (settled, or tried and to be tried again);
    /// false when it only waits: another host holds it, or its time has not come.
    /// </summary>
    public async Task<bool> RunAsync(ReceivedWork message, DeliveryWork work, DeliveryKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(kind);
        var now = clock.GetUtcNow();
        var stored = await records.ReadAsync(work.TenantId, work.Topic, work.RecipientId!.Value, cancellationToken);
        if ((stored is null ? now : stored.Record.ActionableAt(now)) is not { } actionable)
        {
            // Settled already (enqueued twice, or seen again after a host died): its owner is told if that was missed.
            if (!stored!.Reported)
            {
                await ReportAsync(work, kind, stored.Record, cancellationToken);
            }

            await queue.CompleteAsync(message, cancellationToken);
            return true;
        }

        if (actionable > now)
        {
            // Another host holds it, or a retry waits: looked at again then.
            await WaitAsync(message, work, actionable - now, cancellationToken);
            return false;
        }

        var (attempts, lastStatus, failure) = (stored?.Record.Attempts ?? 0, stored?.Record.LastStatus, stored?.Record.Failure);
        var claim = new DeliveryRecord(
            work.Topic, work.RecipientId.Value, DeliveryState.Pending, attempts + 1, now + _options.Lease, null, lastStatus, failure, now);
        if (await records.WriteAsync(work.TenantId, claim, stored?.Version, reported: false, cancellationToken) is not { } version)
        {
            // Another host claimed it in the same moment: its record will say what it did.
            await WaitAsync(message, work, TimeSpan.FromSeconds(1), cancellationToken);
            return false;
        }

        return await ComposeAndSendAsync(message, work, kind, new VersionedDelivery(claim, version), cancellationToken);
    }

    /// <summary>Work received too often without ending normally: its delivery is recorded as not delivered.</summary>
    public async Task GiveUpAsync(DeliveryWork work, DeliveryKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var stored = await records.ReadAsync(work.TenantId, work.Topic, work.RecipientId!.Value, cancellationToken);
        var settle = new DeliveryDecision.Settle(DeliveryState.NotDelivered, DeliveryFailure.Unprocessable);
        await SettleAsync(work, kind, stored, settle, null, cancellationToken);
    }

    private async Task<bool> ComposeAndSendAsync(
        ReceivedWork message, DeliveryWork work, DeliveryKind kind, VersionedDelivery claimed, CancellationToken cancellationToken)
    {
        switch (await ComposeForRecipientAsync(work, kind, cancellationToken))
        {
            case Composition.NotNeeded:
                await SettleAsync(work, kind, claimed, new DeliveryDecision.Settle(DeliveryState.NotNeeded), null, cancellationToken);
                await queue.CompleteAsync(message, cancellationToken);
                return true;
            case Composition.Later later:
                // Not a try: the claim is given back with the wait, and the count of tries stays as it was.
                var claim = claimed.Record;
                var waiting = claim with
                {
                    Attempts = claim.Attempts - 1,
                    ClaimedUntil = null,
                    NextAttemptAt = claim.UpdatedAt + later.Wait,
                };
                await records.WriteAsync(work.TenantId, waiting, claimed.Version, reported: false, cancellationToken);
                await WaitAsync(message, work, later.Wait, cancellationToken);
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
        var culture = await sender.CultureOfAsync(work.TenantId, work.RecipientId!.Value, cancellationToken);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
        return await kind.ComposeAsync(work, cancellationToken);
    }

    private async Task SendAsync(
        ReceivedWork message,
        DeliveryWork work,
        DeliveryKind kind,
        VersionedDelivery claimed,
        IActivity activity,
        CancellationToken cancellationToken)
    {
        if (await RenewIfRunningOutAsync(message, work, claimed, cancellationToken) is not var (renewedMessage, renewed))
        {
            // Another host took the delivery over meanwhile: it is that host's to send.
            return;
        }

        var recipient = work.RecipientId!.Value;
        var answer = await sender.SendToPersonAsync(
            work.TenantId, recipient, activity, token => throttle.WaitForTurnAsync(work.Tenant, recipient.Value, token), cancellationToken);
        var attempts = renewed.Record.Attempts;
        if (answer is SendAnswer.Throttled throttled)
        {
            _stats.Throttled(work.Kind, throttled.RetryAfter);
        }

        var status = answer switch
        {
            SendAnswer.Transient t => t.Status,
            SendAnswer.Unreachable u => u.Status,
            SendAnswer.Rejected r => r.Status,
            SendAnswer.Throttled => 429,
            _ => null,
        };

        switch (_rules.Decide(answer, attempts, Random.Shared.NextDouble()))
        {
            case DeliveryDecision.Settle settle:
                await SettleAsync(work, kind, renewed, settle, status, cancellationToken);
                await KeepSentAsync(work, kind, answer, cancellationToken);
                await (settle.State == DeliveryState.NotDelivered
                    ? queue.PoisonAsync(renewedMessage, settle.Failure?.ToString() ?? settle.State.ToString(), cancellationToken)
                    : queue.CompleteAsync(renewedMessage, cancellationToken));
                break;
            case DeliveryDecision.Retry retry:
                LogRetry(logger, work.Kind, work.Subject, status, attempts, retry.Wait);
                var now = clock.GetUtcNow();
                var waiting = renewed.Record with
                {
                    ClaimedUntil = null,
                    NextAttemptAt = now + retry.Wait,
                    LastStatus = status,
                    UpdatedAt = now,
                };
                await records.WriteAsync(work.TenantId, waiting, renewed.Version, reported: false, cancellationToken);
                await WaitAsync(renewedMessage, work, retry.Wait, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// Before the send: if less than half the lease would be left when its turn in the throttle's line is
    /// expected, the claim and the message's lease are renewed to a whole lease after it (the send and its
    /// record must fit in what is left). Null when another host claimed the delivery meanwhile.
    /// </summary>
    private async Task<(ReceivedWork Message, VersionedDelivery Claim)?> RenewIfRunningOutAsync(
        ReceivedWork message, DeliveryWork work, VersionedDelivery claimed, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var wait = throttle.ExpectedWait(work.Tenant);
        if (claimed.Record.ClaimedUntil - (now + wait) > _options.Lease / 2)
        {
            return (message, claimed);
        }

        var until = now + wait + _options.Lease;
        var renewed = claimed.Record with { ClaimedUntil = until, UpdatedAt = now };
        if (await records.WriteAsync(work.TenantId, renewed, claimed.Version, reported: false, cancellationToken) is not { } version)
        {
            return null;
        }

        return await queue.HideAsync(message, until - now, null, cancellationToken) is { } popReceipt
            ? (message with { PopReceipt = popReceipt }, new VersionedDelivery(renewed, version))
            : null;
    }

    private async Task SettleAsync(
        DeliveryWork work,
        DeliveryKind kind,
        VersionedDelivery? claimed,
        DeliveryDecision.Settle settle,
        int? status,
        CancellationToken cancellationToken)
    {
        var (attempts, lastStatus) = (claimed?.Record.Attempts ?? 0, status ?? claimed?.Record.LastStatus);
        var settled = new DeliveryRecord(
            work.Topic, work.RecipientId!.Value, settle.State, attempts, null, null, lastStatus, settle.Failure, clock.GetUtcNow());

        // The record first: from here on the card is never sent again, whatever happens to this host.
        var reported = !kind.ReportsSettlement;
        var write = () => records.WriteAsync(work.TenantId, settled, claimed?.Version, reported, cancellationToken);
        if (await WhileClaimedAsync(claimed, write, cancellationToken) is null)
        {
            return;
        }

        _stats.Settled(work.Kind, settle.State);

        if (settle.State is DeliveryState.NotDelivered or DeliveryState.Unreachable)
        {
            LogNotDelivered(logger, work.Kind, work.Subject, settle.State, settle.Failure, settled.LastStatus, settled.Attempts);
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
            catch (Exception e) when (StorageFailure.IsUnavailable(e)
                && claimed?.Record.ClaimedUntil - clock.GetUtcNow() > pause + RecordMargin)
            {
                LogRecordRetried(logger, e, pause);
                await Task.Delay(pause, clock, cancellationToken);
                pause *= 2;
            }
        }
    }

    /// <summary>
    /// A card that shows something a PM may change under it keeps the message it became, so it can be updated in place.
    /// After the record: failing here costs the update of this one card, never a second send.
    /// </summary>
    private async Task KeepSentAsync(DeliveryWork work, DeliveryKind kind, SendAnswer answer, CancellationToken cancellationToken)
    {
        if (sentCards is null || answer is not SendAnswer.Sent { ActivityId: { } activity, ConversationId: { } conversation }
            || kind.Shows(work) is not { } shows)
        {
            return;
        }

        try
        {
            await sentCards.KeepAsync(work, shows, conversation, activity, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e))
        {
            LogSentNotKept(logger, e, work.Kind, work.Subject);
        }
    }

    private async Task ReportAsync(DeliveryWork work, DeliveryKind kind, DeliveryRecord settled, CancellationToken cancellationToken)
    {
        await kind.SettledAsync(work, settled, cancellationToken);
        await records.MarkReportedAsync(work.TenantId, work.Topic, settled.Recipient, cancellationToken);
    }

    /// <summary>
    /// The message is hidden until the delivery may move on (at most the longest sleep, after which its record is read again).
    /// </summary>
    private async Task WaitAsync(ReceivedWork message, DeliveryWork work, TimeSpan wait, CancellationToken cancellationToken)
    {
        var longest = TimeSpan.FromSeconds(_options.MaxSleepSeconds);
        await queue.HideAsync(message, wait < longest ? wait : longest, work with { Handled = work.Handled + 1 }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Keeping the message a {Kind} {Subject} card became failed for storage")]
    private static partial void LogSentNotKept(ILogger logger, Exception exception, string kind, string subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording a delivery's outcome failed for storage; trying again in {Pause}")]
    private static partial void LogRecordRetried(ILogger logger, Exception exception, TimeSpan pause);

    [LoggerMessage(
        Level = LogLevel.Warning, Message = "Delivery of {Kind} {Subject} answered {StatusCode} on try {Attempt}; retried in {Wait}")]
    private static partial void LogRetry(ILogger logger, string kind, string subject, int? statusCode, int attempt, TimeSpan wait);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Delivery of {Kind} {Subject} settled as {State}: {Failure} (last status {StatusCode}, {Attempts} tries)")]
    private static partial void LogNotDelivered(
        ILogger logger, string kind, string subject, DeliveryState state, DeliveryFailure? failure, int? statusCode, int attempts);
}
