using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Delivery;

/// <summary>
/// Turns a fan-out message into one message per recipient, <see cref="DeliveryOptions.FanOutSlice"/> people at
/// a time: it enqueues a slice, then rewrites itself to point at the next, visible when the next is due
/// (<see cref="NextSliceIn"/>). The message is held
/// only for <see cref="Hold"/> while a slice is written, renewed while the writing lasts, so a host that dies
/// holding it delays the fan-out by seconds, not a lease. A host dying mid-way repeats at most one slice, and the
/// delivery records make the repeats send nothing twice.
/// </summary>
public sealed class AudienceFanOut(IDeliveryQueues queue, IOptions<DeliveryOptions> options)
{
    /// <summary>How long a fan-out message stays hidden once received, and again at each renewal while its slice is written.</summary>
    public static readonly TimeSpan Hold = TimeSpan.FromSeconds(10);

    /// <summary>How far ahead of the tenant's sends a fan-out keeps the next slice written.</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromSeconds(5);

    private readonly int _slice = options.Value.FanOutSlice;
    private readonly double _rate = options.Value.TenantSendsPerSecond;

    /// <summary>
    /// A slice takes its tenant's sends (slice ÷ the tenant's rate) to go out, so the next one is written <see cref="Lead"/>
    /// before those end, not at once: writing a whole audience as fast as storage takes it only competes with the first
    /// cards' claims and sends for the same storage, and the tenant's queue is never short of cards either way.
    /// </summary>
    public TimeSpan NextSliceIn => TimeSpan.FromSeconds(Math.Max(0, (_slice / _rate) - Lead.TotalSeconds));

    public async Task SliceAsync(ReceivedWork message, DeliveryWork fanOut, DeliveryKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(fanOut);
        ArgumentNullException.ThrowIfNull(kind);
        var held = new HeldMessage(message);
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var renewing = RenewUntilWrittenAsync(held, written.Task, cancellationToken);
        IReadOnlyList<PersonId> audience;
        try
        {
            audience = await kind.AudienceAsync(fanOut, fanOut.Offset, _slice, cancellationToken);
            var cards = audience.Select(p => fanOut with { Recipient = p.Value, Offset = 0, Handled = 0 }).ToList();
            await queue.EnqueueAsync(cards, cancellationToken);
        }
        finally
        {
            // A renewal under way finishes first: its pop receipt is the one the next call needs.
            written.TrySetResult();
            await renewing;
        }

        if (held.Current is not { } current)
        {
            // The hold ran out and another host has the fan-out: it writes this slice again, and the records send nothing twice.
            return;
        }

        if (audience.Count < _slice)
        {
            await queue.CompleteAsync(current, cancellationToken);
        }
        else
        {
            var next = fanOut with { Offset = fanOut.Offset + audience.Count, Handled = fanOut.Handled + 1 };
            await queue.HideAsync(current, NextSliceIn, next, cancellationToken);
        }
    }

    /// <summary>Every half hold until the slice is written, the message is hidden for another hold.</summary>
    private async Task RenewUntilWrittenAsync(HeldMessage held, Task written, CancellationToken cancellationToken)
    {
        while (held.Current is { } current)
        {
            var halfHold = Task.Delay(Hold / 2, cancellationToken);
            if (await Task.WhenAny(written, halfHold) == written || cancellationToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                held.Current = await queue.HideAsync(current, Hold, null, cancellationToken) is { } receipt
                    ? current with { PopReceipt = receipt }
                    : null;
            }
            catch (Exception e) when (StorageFailure.IsUnavailable(e) || e is OperationCanceledException or Azure.RequestFailedException)
            {
                // Not renewed (storage slow, or stopping): the hold decides; the next half hold tries again.
            }
        }
    }

    /// <summary>The fan-out message as this host last holds it (null: no longer this host's).</summary>
    private sealed class HeldMessage(ReceivedWork message)
    {
        private volatile ReceivedWork? _current = message;

        public ReceivedWork? Current
        {
            get => _current;
            set => _current = value;
        }
    }
}
