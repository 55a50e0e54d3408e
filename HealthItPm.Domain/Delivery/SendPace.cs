namespace HealthItPm.Domain.Delivery;

/// <summary>
/// Spaces a tenant's sends from every host evenly at the tenant's rate. All hosts read one schedule of
/// slots fixed to the clock (slot k at k intervals after the Unix epoch); host i of n live hosts takes
/// the slots whose number is i modulo n, so together they fill each second exactly once, without a word
/// to each other per send. (Each pacing its own share independently, two hosts' slots drifted into the
/// same milliseconds and some seconds went over Teams' limit.) Each send takes this host's next free
/// slot: the schedule, not the moment a waiter wakes, sets the one after it, so a timer that fires late
/// loses no slot; a pace left idle starts again from now, so no burst is saved up.
/// </summary>
public sealed class SendPace
{
    private readonly Lock _gate = new();
    private readonly long _interval;
    private long _next;
    private int _index;
    private int _hosts = 1;

    /// <param name="perSecond">The tenant's rate, all hosts together.</param>
    public SendPace(double perSecond)
    {
        if (perSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(perSecond), "A positive rate.");
        }

        _interval = (long)Math.Round(TimeSpan.TicksPerSecond / perSecond);
    }

    /// <summary>
    /// The live hosts changed: this host is number <paramref name="index"/> of <paramref name="hosts"/> from the next slot on.
    /// </summary>
    public void SetShare(int index, int hosts)
    {
        if (hosts < 1 || index < 0 || index >= hosts)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"Host {index} of {hosts}.");
        }

        lock (_gate)
        {
            (_index, _hosts) = (index, hosts);
        }
    }

    /// <summary>Takes this host's next free slot at or after <paramref name="now"/>; how long to wait for it.</summary>
    public TimeSpan Take(DateTimeOffset now)
    {
        var ticks = now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        lock (_gate)
        {
            var first = Math.Max(_next, (ticks + _interval - 1) / _interval);
            var slot = first + ((((_index - first) % _hosts) + _hosts) % _hosts);
            _next = slot + 1;
            return TimeSpan.FromTicks((slot * _interval) - ticks);
        }
    }
}
