namespace HealthItPm.Domain.Delivery;

/// <summary>
/// Teams limits proactive sends per app per tenant (about 30 a second; 50 in newer pages) and per
/// conversation. Several bot hosts share one tenant's budget: each takes an equal share of it,
/// counted from the hosts that showed they are alive recently, so together they stay within it.
/// </summary>
public static class SendBudget
{
    /// <summary>This host's share of a tenant's sends per second.</summary>
    public static double PerHost(double tenantPerSecond, int liveHosts)
    {
        if (tenantPerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tenantPerSecond), "A positive rate.");
        }

        return tenantPerSecond / Math.Max(1, liveHosts);
    }

    /// <summary>How long sending to <paramref name="people"/> takes at best at the tenant's rate: the yardstick for a fan-out.</summary>
    public static TimeSpan Ideal(int people, double tenantPerSecond) => TimeSpan.FromSeconds(people / tenantPerSecond);
}
