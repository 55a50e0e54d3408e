namespace HealthItPm.Domain.Delivery;

/// <summary>
/// What Teams counts: no more than a host's share of the tenant's rate in any one second. The slots
/// (<see cref="SendPace"/>) space a host's sends evenly, but a send its host woke late (a collection, a
/// busy core) lands closer to the ones after it, and the send one second later then makes that second
/// one over the limit: Teams refuses it, and its slot is lost. The window holds that send back by the
/// lateness instead, a few milliseconds rather than a slot and a retry.
/// </summary>
public sealed class SendWindow
{
    /// <summary>The span Teams counts sends in.</summary>
    public static readonly TimeSpan Span = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _sent = new();
    private int _limit;
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    /// <param name="limit">The most sends this host may make in any <see cref="Span"/>.</param>
    public SendWindow(int limit)
    {
        SetLimit(limit);
    }

    /// <summary>The most sends in any second, all hosts together, split evenly between the live hosts (at least one each).</summary>
    public static int Share(double tenantPerSecond, int liveHosts) =>
        Math.Max(1, (int)Math.Floor(tenantPerSecond / Math.Max(1, liveHosts)));

    /// <summary>The live hosts changed: this host's new share of a second's sends.</summary>
    public void SetLimit(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (_gate)
        {
            _limit = limit;
            while (_sent.Count > limit)
            {
                _sent.Dequeue();
            }
        }
    }

    /// <summary>
    /// Takes the earliest moment at or after <paramref name="now"/> when one more send keeps every second
    /// within the limit, and counts the send at that moment. Sends are admitted in order: never before one
    /// admitted earlier.
    /// </summary>
    public DateTimeOffset Admit(DateTimeOffset now)
    {
        lock (_gate)
        {
            var at = now > _last ? now : _last;
            if (_sent.Count == _limit && _sent.Peek() + Span > at)
            {
                at = _sent.Peek() + Span;
            }

            _sent.Enqueue(at);
            if (_sent.Count > _limit)
            {
                _sent.Dequeue();
            }

            _last = at;
            return at;
        }
    }
}
