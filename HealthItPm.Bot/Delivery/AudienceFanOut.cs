using HealthItPm.Domain.Delivery;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Delivery;

/// <summary>
/// Turns a fan-out message into one message per recipient, <see cref="DeliveryOptions.FanOutSlice"/> people at
/// a time: it enqueues a slice, then rewrites itself to point at the next, visible at once. A host dying
/// mid-way repeats at most one slice, and the delivery records make the repeats send nothing twice.
/// </summary>
public sealed class AudienceFanOut(IDeliveryQueues queue, IOptions<DeliveryOptions> options)
{
    private readonly int _slice = options.Value.FanOutSlice;

    public async Task SliceAsync(ReceivedWork message, DeliveryWork fanOut, DeliveryKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(fanOut);
        ArgumentNullException.ThrowIfNull(kind);
        var audience = await kind.AudienceAsync(fanOut, fanOut.Offset, _slice, cancellationToken);
        var cards = audience.Select(p => fanOut with { Recipient = p.Value, Offset = 0, Handled = 0 }).ToList();
        await queue.EnqueueAsync(cards, cancellationToken);
        if (audience.Count < _slice)
        {
            await queue.CompleteAsync(message, cancellationToken);
        }
        else
        {
            var next = fanOut with { Offset = fanOut.Offset + audience.Count, Handled = fanOut.Handled + 1 };
            await queue.HideAsync(message, TimeSpan.Zero, next, cancellationToken);
        }
    }
}
