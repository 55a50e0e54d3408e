namespace HealthItPm.Domain.Delivery;

/// <summary>
/// Teams limits proactive sends per app per tenant (about 30 a second; 50 in newer pages) and per
/// conversation. Several bot hosts share one tenant's budget: each takes an equal share of it,
/// counted from the hosts that showed they are alive recently, so together they stay within it.
/// </summary>
public static class SendBudget
{
    /// <summary>
    /// The part of its share a host uses. Hosts pace their sends independently, and their timers and the
    /// network shift sends by some milliseconds, so at the full share some seconds would go over Teams'
    /// limit — and each 429 costs the slot and a retry. Measured (tools/bench fanout, 1,500 people, two
    /// hosts): at the full share 160 sends were refused as over the rate and the round took 80.5 s; at 90 %,
    /// 60 and 70.5 s.
    /// </summary>
    public const double Headroom = 0.9;

    /// <summary>This host's share of a tenant's sends per second, with <see cref="Headroom"/>.</summary>
    public static double PerHost(double tenantPerSecond, int liveHosts)
    {
        if (tenantPerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tenantPerSecond), "A positive rate.");
        }

        return tenantPerSecond * Headroom / Math.Max(1, liveHosts);
    }

    /// <summary>How long sending to <paramref name="people"/> takes at best at the tenant's rate: the yardstick for a fan-out.</summary>
    public static TimeSpan Ideal(int people, double tenantPerSecond) => TimeSpan.FromSeconds(people / tenantPerSecond);
}
