using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using HealthItPm.Domain.Delivery;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Messaging.Delivery;

/// <summary>
/// Keeps this host's sends within Teams' limits: its share of each tenant's rate (every n-th slot of
/// the schedule all live hosts share, so all hosts together send at the rate, evenly: <see cref="SendPace"/>;
/// and never more than its share in any one second, even when a send went late: <see cref="SendWindow"/>),
/// and per conversation a burst of 4 then 2 a second (Teams allows 7 a second, 8 per 2 seconds, 60 per
/// 30 seconds). Sends wait their turn here rather than be refused with a 429.
/// A send ready to go waits in its tenant's line, and each of this host's slots is taken only when it
/// comes, for the send first in line: a change in the live hosts applies from the next slot. (Slots
/// reserved as each send was received kept two seconds of sends on the old share: after a host died, the
/// other went on at half the rate; after one joined, the other sent a second's worth too many, held back by
/// its window for half a minute, at its very limit, and Teams refused some.)
/// </summary>
public sealed class SendThrottle : IDisposable
{
    private readonly double _tenantRate;
    // Teams counts real seconds: the pace runs on the wall clock even in a host whose clock a test sets.
    private readonly TimeProvider _clock = TimeProvider.System;
    private readonly ConcurrentDictionary<string, TenantSends> _tenants = new(StringComparer.Ordinal);
    private readonly PartitionedRateLimiter<string> _conversations;
    private readonly SlotTimer _slots;
    private readonly Lock _share = new();
    private int _index;
    private volatile int _hosts = 1;

    public SendThrottle(IOptions<DeliveryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tenantRate = options.Value.TenantSendsPerSecond;
        _slots = new SlotTimer(_clock);
        _conversations = PartitionedRateLimiter.Create<string, string>(conversation => RateLimitPartition.GetTokenBucketLimiter(conversation, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = 4,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(500),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));
    }

    /// <summary>This host's share of a tenant's rate, per second.</summary>
    public double PerHostRate => SendBudget.PerHost(_tenantRate, _hosts);

    /// <summary>The live hosts changed: this host is number <paramref name="index"/> of <paramref name="hosts"/>, and takes that share of every tenant's slots.</summary>
    public void SetShare(int index, int hosts)
    {
        lock (_share)
        {
            if ((_index, _hosts) == (index, hosts))
            {
                return;
            }

            (_index, _hosts) = (index, hosts);
            foreach (var sends in _tenants.Values)
            {
                sends.SetShare(index, hosts, _tenantRate);
            }
        }
    }

    /// <summary>About how long a send that joins the tenant's line now waits for its turn: the sends ahead of it at this host's share.</summary>
    public TimeSpan ExpectedWait(string tenant) =>
        TimeSpan.FromSeconds((Sends(tenant).Waiting + 1) / PerHostRate);

    /// <summary>
    /// Waits for the conversation's own limit, then for this host's next slot of the tenant's schedule with
    /// no send ahead in line, kept within this host's share of every second. Called right before the HTTP
    /// call, inside the proactive turn: the send goes on, on the slot timer's thread, until its call is under way.
    /// </summary>
    public async Task WaitForTurnAsync(string tenant, string conversation, CancellationToken cancellationToken)
    {
        // A token bucket's permit is spent when it is given: nothing is held while the send waits its turn.
        (await _conversations.AcquireAsync(conversation, 1, cancellationToken)).Dispose();
        await Sends(tenant).TurnAsync(cancellationToken);
    }

    public void Dispose()
    {
        _slots.Dispose();
        _conversations.Dispose();
    }

    private TenantSends Sends(string tenant) => _tenants.GetOrAdd(tenant, NewSends);

    private TenantSends NewSends(string tenant)
    {
        var sends = new TenantSends(new SendPace(SendBudget.Paced(_tenantRate)), new SendWindow(SendWindow.Share(_tenantRate, 1)), _slots, _clock);
        lock (_share)
        {
            sends.SetShare(_index, _hosts, _tenantRate);
        }

        return sends;
    }

    /// <summary>A tenant's schedule of slots, the count of this host's sends in the last second, and the sends waiting in line for a slot.</summary>
    private sealed class TenantSends(SendPace pace, SendWindow window, SlotTimer slots, TimeProvider clock)
    {
        private readonly Lock _gate = new();
        private readonly Queue<TaskCompletionSource> _line = new();
        private bool _dispatching;

        public int Waiting
        {
            get
            {
                lock (_gate)
                {
                    return _line.Count;
                }
            }
        }

        public void SetShare(int index, int hosts, double tenantRate)
        {
            pace.SetShare(index, hosts);
            window.SetLimit(SendWindow.Share(tenantRate, hosts));
        }

        public async Task TurnAsync(CancellationToken cancellationToken)
        {
            // Completed on the timer's thread, the send goes on there at once (no RunContinuationsAsynchronously).
            var turn = new TaskCompletionSource();
            bool start;
            lock (_gate)
            {
                _line.Enqueue(turn);
                start = !_dispatching;
                _dispatching = true;
            }

            if (start)
            {
                _ = DispatchAsync();
            }

            using var registration = cancellationToken.Register(() => turn.TrySetCanceled(cancellationToken));
            await turn.Task;
        }

        /// <summary>While sends wait: at each of this host's slots, as the share is then, the first in line goes.</summary>
        private async Task DispatchAsync()
        {
            try
            {
                while (true)
                {
                    lock (_gate)
                    {
                        if (_line.Count == 0)
                        {
                            _dispatching = false;
                            return;
                        }
                    }

                    var now = clock.GetUtcNow();
                    await slots.At(now + pace.Take(now), CancellationToken.None);
                    await slots.At(window.Admit(clock.GetUtcNow()), CancellationToken.None);
                    while (Next() is { } turn && !turn.TrySetResult())
                    {
                        // Cancelled while it waited: the slot goes to the next in line.
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The timer stopped with the host: so do the sends still in line.
                while (Next() is { } turn)
                {
                    turn.TrySetCanceled();
                }
            }
        }

        private TaskCompletionSource? Next()
        {
            lock (_gate)
            {
                return _line.TryDequeue(out var turn) ? turn : null;
            }
        }
    }
}
