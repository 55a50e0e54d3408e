using System.Globalization;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using Microsoft.Bot.Schema;

namespace HealthItPm.Bot.Delivery;

/// <summary>
/// The work queues as the pipeline uses them (<see cref="DeliveryQueues"/> on Azure Queue Storage): the fan-outs' queue and
/// one per tenant; a received message says which it came from, and is hidden, completed or poisoned there.
/// </summary>
public interface IDeliveryQueues
{
    /// <summary>Raised after work is added on this host.</summary>
    event Action? Added;

    /// <summary>Adds work to its queue (<see cref="DeliveryQueues.QueueOf"/>).</summary>
    Task EnqueueAsync(IReadOnlyCollection<DeliveryWork> work, CancellationToken cancellationToken);

    /// <summary>
    /// The tenants' queues known to this host; <paramref name="fresh"/> lists them again, whatever the last listing's age.
    /// </summary>
    Task<IReadOnlyList<string>> TenantQueuesAsync(bool fresh, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="max"/> messages of one queue, each hidden from other receivers for <paramref name="visibility"/>.
    /// </summary>
    Task<IReadOnlyList<ReceivedWork>> ReceiveAsync(string queueName, int max, TimeSpan visibility, CancellationToken cancellationToken);

    /// <summary>
    /// Hides the message for <paramref name="delay"/>, optionally with new content; returns its new pop receipt, or null when
    /// another host has received it since (its hold ran out) or it is gone.
    /// </summary>
    Task<string?> HideAsync(ReceivedWork message, TimeSpan delay, DeliveryWork? replacement, CancellationToken cancellationToken);

    Task CompleteAsync(ReceivedWork message, CancellationToken cancellationToken);

    /// <summary>Keeps given-up work for inspection with why it was given up (a name from the code), then completes it.</summary>
    Task PoisonAsync(ReceivedWork message, string reason, CancellationToken cancellationToken);
}

/// <summary>
/// The delivery records as the pipeline writes them (<see cref="DeliveryTable"/>): one per recipient per card, guarded by its version.
/// </summary>
public interface IDeliveryRecords
{
    Task<VersionedDelivery?> ReadAsync(TenantId tenant, DeliveryTopic topic, PersonId recipient, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the record if nobody wrote it since <paramref name="version"/> (null: if there is none); the new version, or null
    /// when another host got there first.
    /// </summary>
    Task<string?> WriteAsync(TenantId tenant, DeliveryRecord record, string? version, bool reported, CancellationToken cancellationToken);

    Task MarkReportedAsync(TenantId tenant, DeliveryTopic topic, PersonId recipient, CancellationToken cancellationToken);
}

/// <summary>The delivering hosts' heartbeats (<see cref="DeliveryTable"/>).</summary>
public interface ILiveHosts
{
    /// <summary>
    /// This host is alive; the hosts seen within <paramref name="window"/>, itself included, in one order every host agrees on.
    /// </summary>
    Task<IReadOnlyList<string>> HeartbeatAsync(string hostId, TimeSpan window, CancellationToken cancellationToken);

    Task LeaveAsync(string hostId, CancellationToken cancellationToken);
}

/// <summary>One try at sending a card to a person (<see cref="ProactiveSender"/>), and the culture to word it in.</summary>
public interface IProactiveSender
{
    Task<CultureInfo> CultureOfAsync(TenantId tenant, PersonId person, CancellationToken cancellationToken);

    /// <summary>One try; <paramref name="whenDue"/> is awaited right before the first call to Teams.</summary>
    Task<SendAnswer> SendToPersonAsync(
        TenantId tenant, PersonId person, IActivity activity, Func<CancellationToken, Task> whenDue, CancellationToken cancellationToken);
}
