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
/// </summary>
public sealed class SendThrottle : IDisposable
{
    /// <summary>
    /// What a send does between taking its slot and reaching it (the conversation's read, the turn's set-up).
    /// A send that missed its slot went at once, in between the next ones, and Teams counted that second over
    /// the rate; it happened at the start of every fan-out, when no slot was far ahead yet.
    /// </summary>
    public static readonly TimeSpan Preparation = TimeSpan.FromMilliseconds(250);

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

    /// <summary>
    /// Takes this host's next free slot of the tenant's schedule at least <see cref="Preparation"/> ahead:
    /// when its send may go, on the wall clock, and how long from now.
    /// </summary>
    public SendSlot Reserve(string tenant)
    {
        var now = _clock.GetUtcNow();
        var wait = Preparation + _tenants.GetOrAdd(tenant, NewSends).Pace.Take(now + Preparation);
        return new SendSlot(now + wait, wait, tenant);
    }

    /// <summary>
    /// Waits for a reserved slot, then for the conversation's own limit, then until the send keeps this
    /// host's every second within its share. Called right before the HTTP call, inside the proactive turn:
    /// whatever a send does between taking its slot and Teams (storage reads, the turn's set-up) happens
    /// during the wait, so sends reach Teams as evenly as the slots.
    /// </summary>
    public async Task WaitForAsync(SendSlot slot, string conversation, CancellationToken cancellationToken)
    {
        await _slots.At(slot.At, cancellationToken);
        using var conversationLease = await _conversations.AcquireAsync(conversation, 1, cancellationToken);
        await _slots.At(_tenants[slot.Tenant].Window.Admit(_clock.GetUtcNow()), cancellationToken);
    }

    public void Dispose()
    {
        _slots.Dispose();
        _conversations.Dispose();
    }

    private TenantSends NewSends(string tenant)
    {
        var sends = new TenantSends(new SendPace(SendBudget.Paced(_tenantRate)), new SendWindow(SendWindow.Share(_tenantRate, 1)));
        lock (_share)
        {
            sends.SetShare(_index, _hosts, _tenantRate);
        }

        return sends;
    }

    /// <summary>A tenant's schedule of slots and the count of this host's sends in the last second.</summary>
    private sealed record TenantSends(SendPace Pace, SendWindow Window)
    {
        public void SetShare(int index, int hosts, double tenantRate)
        {
            Pace.SetShare(index, hosts);
            Window.SetLimit(SendWindow.Share(tenantRate, hosts));
        }
    }
}

/// <summary>A send's reserved slot in a tenant's schedule: when it may go on the wall clock, and how long that was from the moment it was reserved.</summary>
public readonly record struct SendSlot(DateTimeOffset At, TimeSpan In, string Tenant);
