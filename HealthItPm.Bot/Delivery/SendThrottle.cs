using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Delivery;

/// <summary>
/// Keeps the sends of every host within Teams' limits, with one model (docs/decisions/throttle.md):
/// <list type="number">
/// <item>Each tenant has one schedule of send slots fixed to the clock: slot k at k intervals after the
/// Unix epoch, an interval being a second over <see cref="Headroom"/> of the tenant's rate.</item>
/// <item>Of the n live hosts (<see cref="HostMembership"/>), host i owns the slots whose number is i modulo
/// n: together they fill the schedule once, without a word to each other per send.</item>
/// <item>A send ready to go waits in its tenant's line on its host; at each slot the host owns, the first
/// in line goes. A slot is chosen only when the one before it has gone, so a change in the live hosts
/// applies from the next slot, and a slot that passed while nobody waited is not made up.</item>
/// <item>Before joining the line, a send waits for its conversation: a burst of four, then one every
/// half second, within Teams' seven a second and eight in two seconds.</item>
/// </list>
/// A 429 is still possible (Teams throttles now and then anyway); the pipeline retries it after its Retry-After.
/// </summary>
public sealed class SendThrottle
{
    /// <summary>
    /// The part of a tenant's rate the slots fill. A send leaves some milliseconds after its slot, and one
    /// that left late enough to share a second with the slot a second after it would make that second one
    /// over the limit; 1 % longer slots absorb 10 ms in every second.
    /// </summary>
    public const double Headroom = 0.99;

    private const int ConversationBurst = 4;
    private static readonly TimeSpan ConversationInterval = TimeSpan.FromMilliseconds(500);

    // Conversations whose limit has run back to a full burst are forgotten once this many are remembered.
    private const int ConversationsKept = 10_000;

    private readonly double _tenantRate;
    private readonly long _interval;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, Line> _lines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _conversations = new(StringComparer.Ordinal);
    private volatile Share _share = new(0, 1);

    /// <param name="options">The tenant's rate, all hosts together.</param>
    /// <param name="clock">Teams counts real seconds: the host passes the wall clock even where a test sets the host's own.</param>
    public SendThrottle(IOptions<DeliveryOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tenantRate = options.Value.TenantSendsPerSecond;
        _interval = (long)Math.Round(TimeSpan.TicksPerSecond / (_tenantRate * Headroom));
        _clock = clock;
    }

    /// <summary>This host's sends per second to one tenant: its share of the tenant's slots.</summary>
    public double PerHostTenantRate => _tenantRate * Headroom / _share.Hosts;

    /// <summary>Live hosts changed: this one is number <paramref name="index"/> of <paramref name="hosts"/> (from the next slot).</summary>
    public void SetShare(int index, int hosts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hosts, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, hosts);
        _share = new Share(index, hosts);
    }

    /// <summary>About how long a send that joins the tenant's line now waits for its turn.</summary>
    public TimeSpan ExpectedWait(string tenant) =>
        TimeSpan.FromTicks(((_lines.TryGetValue(tenant, out var line) ? line.Waiting : 0) + 1) * _interval * _share.Hosts);

    /// <summary>
    /// Waits for the conversation's limit, then for this host's next slot of the tenant's schedule with no
    /// send ahead in line. Awaited right before the HTTP call: the send goes on, on the thread its slot woke,
    /// until the call is under way.
    /// </summary>
    public async Task WaitForTurnAsync(string tenant, string conversation, CancellationToken cancellationToken)
    {
        if (ConversationSlot(conversation) is { } due)
        {
            await DelayAsync(due, cancellationToken);
        }

        // Completed by the dispatcher, the send goes on at once on its thread (no RunContinuationsAsynchronously).
        var turn = new TaskCompletionSource();
        var line = _lines.GetOrAdd(tenant, _ => new Line());
        if (line.Join(turn))
        {
            _ = DispatchAsync(line);
        }

        using var registration = cancellationToken.Register(() => turn.TrySetCanceled(cancellationToken));
        await turn.Task;
    }

    /// <summary>While sends wait in the line: at each slot this host owns, the first still waiting goes.</summary>
    private async Task DispatchAsync(Line line)
    {
        while (line.HasWaiting())
        {
            await DelayAsync(TimeSpan.FromTicks((NextSlot(line) * _interval) - Ticks(_clock.GetUtcNow())), CancellationToken.None);

            while (line.Next() is { } turn && !turn.TrySetResult())
            {
                // Cancelled while it waited: the slot goes to the next in line.
            }
        }
    }

    /// <summary>This host's next slot on the tenant's schedule: the first it owns at or after now, and after the last one taken.</summary>
    private long NextSlot(Line line)
    {
        var share = _share;
        var now = Ticks(_clock.GetUtcNow());
        var first = Math.Max(line.After, (now + _interval - 1) / _interval);
        var slot = first + ((((share.Index - first) % share.Hosts) + share.Hosts) % share.Hosts);
        line.After = slot + 1;
        return slot;
    }

    /// <summary>
    /// How long the conversation's next send waits (null: not at all), counted as taken: a token bucket kept as the time its next
    /// token is free.
    /// </summary>
    private TimeSpan? ConversationSlot(string conversation)
    {
        var now = _clock.GetUtcNow();
        lock (_conversations)
        {
            if (_conversations.Count >= ConversationsKept)
            {
                foreach (var idle in _conversations.Where(c => c.Value <= now).Select(c => c.Key).ToList())
                {
                    _conversations.Remove(idle);
                }
            }

            var free = _conversations.TryGetValue(conversation, out var next) && next > now ? next : now;
            _conversations[conversation] = free + ConversationInterval;
            var at = free - ((ConversationBurst - 1) * ConversationInterval);
            return at > now ? at - now : null;
        }
    }

    /// <summary>Timers count whole milliseconds and would cut a wait short: rounded up, a send never leaves before its slot.</summary>
    private Task DelayAsync(TimeSpan wait, CancellationToken cancellationToken) => wait > TimeSpan.Zero
        ? Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), _clock, cancellationToken)
        : Task.CompletedTask;

    private static long Ticks(DateTimeOffset at) => at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;

    private sealed record Share(int Index, int Hosts);

    /// <summary>A tenant's sends waiting on this host, in order, and the slot after the last one taken.</summary>
    private sealed class Line
    {
        private readonly Queue<TaskCompletionSource> _waiting = new();
        private bool _dispatching;

        public long After { get; set; }

        public int Waiting
        {
            get
            {
                lock (_waiting)
                {
                    return _waiting.Count;
                }
            }
        }

        /// <summary>Adds a send to the line; true when the line had no dispatcher and the caller must start one.</summary>
        public bool Join(TaskCompletionSource turn)
        {
            lock (_waiting)
            {
                _waiting.Enqueue(turn);
                var start = !_dispatching;
                _dispatching = true;
                return start;
            }
        }

        /// <summary>Whether a send waits; when none does, the dispatcher ends (the next send starts another).</summary>
        public bool HasWaiting()
        {
            lock (_waiting)
            {
                _dispatching = _waiting.Count > 0;
                return _dispatching;
            }
        }

        public TaskCompletionSource? Next()
        {
            lock (_waiting)
            {
                return _waiting.TryDequeue(out var turn) ? turn : null;
            }
        }
    }
}
