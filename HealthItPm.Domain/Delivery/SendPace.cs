namespace HealthItPm.Domain.Delivery;

/// <summary>
/// Spaces one host's sends to a tenant evenly at its share of the rate: each send takes the next free
/// slot. The schedule, not the moment a waiter wakes, sets the slot after it, so a timer that fires late
/// loses no slots and the rate holds on average; a pace left idle starts again from now, so no burst is
/// saved up, and any second holds at most one send more than the rate. (A token bucket refilled by a
/// timer fell to two thirds of its rate here: a late refill of a one-token bucket drops the surplus.)
/// </summary>
public sealed class SendPace
{
    private readonly Lock _gate = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;
    private TimeSpan _interval;

    public SendPace(double perSecond) => SetRate(perSecond);

    /// <summary>A new share of the rate (the live hosts changed): slots from the next one on are spaced by it.</summary>
    public void SetRate(double perSecond)
    {
        if (perSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(perSecond), "A positive rate.");
        }

        lock (_gate)
        {
            _interval = TimeSpan.FromTicks((long)Math.Round(TimeSpan.TicksPerSecond / perSecond));
        }
    }

    /// <summary>Takes the next free slot at or after <paramref name="now"/>; how long to wait for it.</summary>
    public TimeSpan Take(DateTimeOffset now)
    {
        lock (_gate)
        {
            var slot = _next > now ? _next : now;
            _next = slot + _interval;
            return slot - now;
        }
    }
}
