using System.Threading.RateLimiting;
using HealthItPm.Domain.Delivery;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Messaging.Delivery;

/// <summary>
/// Keeps this host's sends within Teams' limits: its share of each tenant's rate (the tenant's rate
/// divided by the live hosts, so all hosts together stay within it), and per conversation a burst of
/// 4 then 2 a second (Teams allows 7 a second, 8 per 2 seconds, 60 per 30 seconds). Sends wait their
/// turn here rather than be refused with a 429.
/// </summary>
public sealed class SendThrottle : IDisposable
{
    private readonly double _tenantRate;
    private readonly PartitionedRateLimiter<string> _conversations;
    private PartitionedRateLimiter<string> _tenants;
    private int _liveHosts = 1;

    public SendThrottle(IOptions<DeliveryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tenantRate = options.Value.TenantSendsPerSecond;
        _tenants = TenantLimiter(SendBudget.PerHost(_tenantRate, 1));
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
        if (hosts == _liveHosts)
        {
            return;
        }

        _liveHosts = hosts;
        var old = Interlocked.Exchange(ref _tenants, TenantLimiter(SendBudget.PerHost(_tenantRate, hosts)));
        old.Dispose();
    }

    /// <summary>Waits until a send to <paramref name="conversation"/> in <paramref name="tenant"/> is within the limits.</summary>
    public async ValueTask WaitAsync(string tenant, string conversation, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                using var lease = await _tenants.AcquireAsync(tenant, 1, cancellationToken);
                if (lease.IsAcquired)
                {
                    break;
                }
            }
            catch (ObjectDisposedException)
            {
                // The share changed while waiting: wait again under the new one.
            }
        }

        using var conversationLease = await _conversations.AcquireAsync(conversation, 1, cancellationToken);
    }

    public void Dispose()
    {
        _tenants.Dispose();
        _conversations.Dispose();
    }

    // Tokens come a few at a time every 50 ms or more, so the rate is exact without a timer firing at every send.
    private static PartitionedRateLimiter<string> TenantLimiter(double perSecond)
    {
        var tokens = Math.Max(1, (int)Math.Ceiling(perSecond * 0.05));
        return PartitionedRateLimiter.Create<string, string>(tenant => RateLimitPartition.GetTokenBucketLimiter(tenant, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokens,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokens / perSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));
    }
}
