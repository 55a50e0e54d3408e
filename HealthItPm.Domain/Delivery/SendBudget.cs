namespace HealthItPm.Domain.Delivery;

/// <summary>
/// Teams limits proactive sends per app per tenant (about 30 a second; 50 in newer pages) and per
/// conversation. Several bot hosts share one tenant's budget: each takes an equal share of its slots
/// (<see cref="SendPace"/>), counted from the hosts that showed they are alive recently.
/// </summary>
public static class SendBudget
{
    /// <summary>
    /// The part of the tenant's rate the hosts pace at. Their timers and the network shift a send by some
    /// milliseconds, and a send shifted into the next second makes that second one over Teams' limit (a
    /// 429 that costs the slot and a retry); a slot 1 % longer absorbs a shift of 10 ms in every second.
    /// (At the full rate, one send in thirty was refused; at 98 %, one in a thousand, but the slower pace
    /// cost more than those refusals: tools/bench fanout.)
    /// </summary>
    public const double Headroom = 0.99;

    /// <summary>The rate all hosts together pace a tenant's sends at.</summary>
    public static double Paced(double tenantPerSecond)
    {
        if (tenantPerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tenantPerSecond), "A positive rate.");
        }

        return tenantPerSecond * Headroom;
    }

    /// <summary>This host's share of a tenant's sends per second.</summary>
    public static double PerHost(double tenantPerSecond, int liveHosts) => Paced(tenantPerSecond) / Math.Max(1, liveHosts);

    /// <summary>How long sending to <paramref name="people"/> takes at best at the tenant's rate: the yardstick for a fan-out.</summary>
    public static TimeSpan Ideal(int people, double tenantPerSecond) => TimeSpan.FromSeconds(people / tenantPerSecond);
}
