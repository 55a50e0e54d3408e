using System.ComponentModel.DataAnnotations;
using HealthItPm.Domain.Delivery;

namespace HealthItPm.Bot.Delivery;

/// <summary>Settings of the delivery pipeline (section <c>Delivery</c>).</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    /// <summary>False for a host that should only answer turns (other hosts deliver).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Teams' limit per app per tenant: 30 a second in older documentation, 50 in newer; shared by all hosts.</summary>
    [Range(1, 1000, ErrorMessage = "Delivery:TenantSendsPerSecond must be between 1 and 1000.")]
    public double TenantSendsPerSecond { get; set; } = 30;

    /// <summary>The most messages one receive from one queue takes.</summary>
    [Range(1, 32, ErrorMessage = "Delivery:BatchSize must be between 1 and 32 (the queue service's most per receive).")]
    public int BatchSize { get; set; } = 32;

    /// <summary>
    /// The most recipients' cards a host works on at once, all tenants together. It holds about two seconds of its
    /// sends to each tenant below this (<see cref="DeliveryReceiver"/>); the cap bounds its memory at a high rate.
    /// </summary>
    [Range(1, 1000, ErrorMessage = "Delivery:MaxInFlight must be between 1 and 1000.")]
    public int MaxInFlight { get; set; } = 128;

    /// <summary>How long a host holds work it received (the message's visibility timeout and the record's claim).</summary>
    [Range(5, 3600, ErrorMessage = "Delivery:LeaseSeconds must be between 5 and 3600.")]
    public int LeaseSeconds { get; set; } = 60;

    [Range(1, 50, ErrorMessage = "Delivery:MaxAttempts must be between 1 and 50.")]
    public int MaxAttempts { get; set; } = 8;

    [Range(1, 3600, ErrorMessage = "Delivery:RetryBaseSeconds must be between 1 and 3600.")]
    public int RetryBaseSeconds { get; set; } = 5;

    [Range(1, 86400, ErrorMessage = "Delivery:RetryMaxSeconds must be between 1 and 86400.")]
    public int RetryMaxSeconds { get; set; } = 900;

    /// <summary>
    /// The longest a waiting message stays hidden before a host looks at it again; its record decides
    /// when it is really tried, so a shorter sleep only costs a read.
    /// </summary>
    [Range(0, 86400, ErrorMessage = "Delivery:MaxSleepSeconds must be between 0 and 86400.")]
    public int MaxSleepSeconds { get; set; } = 600;

    /// <summary>Receives after which a message that keeps failing to be processed goes to the poison queue.</summary>
    [Range(2, 1000, ErrorMessage = "Delivery:MaxDequeueCount must be between 2 and 1000.")]
    public int MaxDequeueCount { get; set; } = 20;

    /// <summary>
    /// How often a delivering host says it is alive. A host that dies leaves its share of the tenant's rate
    /// unused for three beats; a beat is a table write and a read, about 5 million transactions a month
    /// per host at one every half second.
    /// </summary>
    [Range(0.25, 300, ErrorMessage = "Delivery:HeartbeatSeconds must be between 0.25 and 300.")]
    public double HeartbeatSeconds { get; set; } = 0.5;

    /// <summary>How many people one fan-out step enqueues.</summary>
    [Range(1, 5000, ErrorMessage = "Delivery:FanOutSlice must be between 1 and 5000.")]
    public int FanOutSlice { get; set; } = 500;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    public DeliveryRules Rules => new(MaxAttempts, TimeSpan.FromSeconds(RetryBaseSeconds), TimeSpan.FromSeconds(RetryMaxSeconds));
}
