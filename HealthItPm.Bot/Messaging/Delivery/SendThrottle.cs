using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using HealthItPm.Domain.Delivery;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Messaging.Delivery;

/// <summary>
/// Keeps this host's sends within Teams' limits: its share of each tenant's rate (the tenant's rate
/// divided by the live hosts, so all hosts together stay within it), paced evenly (<see cref="SendPace"/>),
/// and per conversation a burst of 4 then 2 a second (Teams allows 7 a second, 8 per 2 seconds, 60 per
/// 30 seconds). Sends wait their turn here rather than be refused with a 429.
/// </summary>
public sealed class SendThrottle : IDisposable
{
    private readonly double _tenantRate;
    // Teams counts real seconds: the pace runs on the wall clock even in a host whose clock a test sets.
    private readonly TimeProvider _clock = TimeProvider.System;
    private readonly ConcurrentDictionary<string, SendPace> _tenants = new(StringComparer.Ordinal);
    private readonly PartitionedRateLimiter<string> _conversations;
    private int _liveHosts = 1;

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

    /// <summary>The live host count changed: this host's share of every tenant's rate follows.</summary>
    public void SetLiveHosts(int hosts)
    {
        if (Interlocked.Exchange(ref _liveHosts, hosts) == hosts)
        {
            return;
        }

        foreach (var pace in _tenants.Values)
        {
            pace.SetRate(PerHostRate);
        }
    }

    /// <summary>Waits until a send to <paramref name="conversation"/> in <paramref name="tenant"/> is within the limits.</summary>
    public async ValueTask WaitAsync(string tenant, string conversation, CancellationToken cancellationToken)
    {
        var wait = _tenants.GetOrAdd(tenant, _ => new SendPace(PerHostRate)).Take(_clock.GetUtcNow());
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _clock, cancellationToken);
        }

        using var conversationLease = await _conversations.AcquireAsync(conversation, 1, cancellationToken);
    }

    public void Dispose() => _conversations.Dispose();
}
