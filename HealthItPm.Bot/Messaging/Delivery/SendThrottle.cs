using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.RateLimiting;
using HealthItPm.Domain.Delivery;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Messaging.Delivery;

/// <summary>
/// Keeps this host's sends within Teams' limits: its share of each tenant's rate (the tenant's rate
/// divided by the live hosts, so all hosts together stay within it), and per conversation a burst of
/// 4 then 2 a second (Teams allows 7 a second, 8 per 2 seconds, 60 per 30 seconds). Sends wait their
/// turn here rather than be refused with a 429.
/// <para>
/// A tenant's sends are given slots on a schedule, one every 1/rate seconds (at most 50 ms of them
/// saved up while idle): each send reserves the next slot and sleeps until it. A sleep that ends late
/// does not move the slots after it, so the rate holds on a busy machine. (A token bucket refilled by
/// a timer, a few tokens per tick, loses the tokens of every tick that comes late.)
/// </para>
/// </summary>
public sealed class SendThrottle : IDisposable
{
    private static readonly double TicksPerSecond = Stopwatch.Frequency;

    private readonly double _tenantRate;
    private readonly PartitionedRateLimiter<string> _conversations;
    private readonly ConcurrentDictionary<string, TenantSlots> _tenants = new(StringComparer.Ordinal);
    private volatile int _liveHosts = 1;

    public SendThrottle(IOptions<DeliveryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tenantRate = options.Value.TenantSendsPerSecond;
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
    public double PerHostRate => SendBudget.PerHost(_tenantRate, _liveHosts);

    /// <summary>The live host count changed: this host's share of every tenant's rate follows from the next send.</summary>
    public void SetLiveHosts(int hosts) => _liveHosts = Math.Max(1, hosts);

    /// <summary>Waits until a send to <paramref name="conversation"/> in <paramref name="tenant"/> is within the limits.</summary>
    public async ValueTask WaitAsync(string tenant, string conversation, CancellationToken cancellationToken)
    {
        var wait = _tenants.GetOrAdd(tenant, _ => new TenantSlots()).Reserve(PerHostRate);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }

        using var conversationLease = await _conversations.AcquireAsync(conversation, 1, cancellationToken);
    }

    public void Dispose() => _conversations.Dispose();

    /// <summary>The schedule of one tenant's send slots on this host.</summary>
    private sealed class TenantSlots
    {
        private readonly Lock _gate = new();
        private double _next;

        /// <summary>Takes the next slot at <paramref name="perSecond"/>; how long until it comes.</summary>
        public TimeSpan Reserve(double perSecond)
        {
            var interval = TicksPerSecond / perSecond;
            var now = (double)Stopwatch.GetTimestamp();
            double slot;
            lock (_gate)
            {
                // Idle time saves up at most 50 ms of slots (at least one), so a pause is not followed by a burst.
                _next = Math.Max(_next, now - Math.Max(interval, TicksPerSecond * 0.05));
                slot = _next;
                _next += interval;
            }

            return slot <= now ? TimeSpan.Zero : TimeSpan.FromSeconds((slot - now) / TicksPerSecond);
        }
    }
}
