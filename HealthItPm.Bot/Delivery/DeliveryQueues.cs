using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using HealthItPm.Bot.Hosting;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Delivery;

/// <summary>A work item as received: its content, the queue it came from, and what that queue needs to hide, move or delete it.</summary>
public sealed record ReceivedWork(DeliveryWork? Work, string Text, string MessageId, string PopReceipt, long DequeueCount, string Queue);

/// <summary>A message seen at the head of a queue: when it was added, why it was kept (poison queue) and its work.</summary>
public sealed record QueuedWork(DateTimeOffset? AddedAt, string? Reason, DeliveryWork? Work);

/// <summary>
/// The delivery pipeline's Azure Storage queues (docs/decisions/tenant-queues.md), consumed by every bot host at once:
/// <list type="bullet">
/// <item><c>deliveries-fanout</c>: the fan-outs, each received for a short hold (<see cref="AudienceFanOut.Hold"/>)
/// while a slice of its audience is written, so a host that dies holding one delays it by seconds.</item>
/// <item><c>deliveries-t-{tenant}</c>, one per tenant (its id without hyphens), created when work is first added for
/// it and found by the other hosts by listing: the recipients' cards, each received for a whole lease (a host that
/// dies mid-send loses nothing, the message reappears). A tenant's backlog never stands before another tenant's work.</item>
/// <item><c>deliveries-poison</c>: work that was given up, kept for inspection.</item>
/// </list>
/// </summary>
public sealed class DeliveryQueues : IDeliveryQueues
{
    public const string FanOutQueue = "deliveries-fanout";
    public const string PoisonQueue = "deliveries-poison";

    /// <summary>The queues created with the storage account; a tenant's queue is created by the bot when it first has work.</summary>
    public static readonly IReadOnlyList<string> Fixed = [FanOutQueue, PoisonQueue];

    /// <summary>What every tenant's queue name starts with, and what a listing looks for.</summary>
    public const string TenantQueuePrefix = "deliveries-t-";

    // The queue service's longest visibility delay is 7 days.
    private static readonly TimeSpan LongestHide = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    /// <summary>
    /// How stale this host's list of tenant queues may be: a tenant's first work, added on another host, is found within this.
    /// A listing is a storage transaction, about 2.6 million a month per host.
    /// </summary>
    private static readonly TimeSpan Rediscover = TimeSpan.FromSeconds(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault,
    };

    private readonly QueueServiceClient _service;
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _queues = new();
    private readonly ConcurrentDictionary<string, bool> _tenantQueues = new(StringComparer.Ordinal);
    private long _nextListing;

    public DeliveryQueues(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new QueueClientOptions();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = 3;
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        var storage = options.Value;
        _service = storage.UsesManagedIdentity
            ? new QueueServiceClient(storage.ServiceUri("queue"), storage.ManagedIdentity(), clientOptions)
            : new QueueServiceClient(storage.ConnectionString, clientOptions);
    }

    /// <summary>Raised after work is added, so this host's receiver looks at once instead of at its next poll.</summary>
    public event Action? Added;

    /// <summary>
    /// A tenant's queue: Azure's rules (3–63 lowercase letters, digits and single hyphens) hold for every tenant id, a GUID.
    /// </summary>
    public static string TenantQueue(TenantId tenant) => TenantQueuePrefix + Guid.Parse(tenant.Value).ToString("N");

    /// <summary>Where work waits: a fan-out on the fan-outs' queue, a recipient's card on its tenant's.</summary>
    public static string QueueOf(DeliveryWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work.IsFanOut ? FanOutQueue : TenantQueue(work.TenantId);
    }

    /// <summary>
    /// Adds work, visible at once; several items are sent side by side. This host's receiver is told as soon
    /// as the first is on the queue, not once a fan-out's whole slice is, which takes seconds.
    /// </summary>
    public async Task EnqueueAsync(IReadOnlyCollection<DeliveryWork> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var told = 0;
        await Parallel.ForEachAsync(
            work,
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                var name = QueueOf(item);
                var queue = await GetAsync(name, token);
                if (!item.IsFanOut)
                {
                    _tenantQueues.TryAdd(name, true);
                }

                await queue.SendMessageAsync(
                    JsonSerializer.Serialize(item, Json), visibilityTimeout: null, timeToLive: TimeSpan.FromSeconds(-1), token);
                if (Interlocked.Exchange(ref told, 1) == 0)
                {
                    Added?.Invoke();
                }
            });
    }

    /// <summary>
    /// The tenants' queues this host knows of: those it added work to, and those a listing found, listed again when the last
    /// listing is older than <see cref="Rediscover"/> (or at once with <paramref name="fresh"/>).
    /// </summary>
    public async Task<IReadOnlyList<string>> TenantQueuesAsync(bool fresh, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        if (fresh || now >= Interlocked.Read(ref _nextListing))
        {
            await foreach (var queue in _service.GetQueuesAsync(prefix: TenantQueuePrefix, cancellationToken: cancellationToken))
            {
                _tenantQueues.TryAdd(queue.Name, true);
            }

            Interlocked.Exchange(ref _nextListing, now + (long)Rediscover.TotalMilliseconds);
        }

        return [.. _tenantQueues.Keys.Order(StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<ReceivedWork>> ReceiveAsync(
        string queueName, int max, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var queue = await GetAsync(queueName, cancellationToken);
        QueueMessage[] messages = await queue.ReceiveMessagesAsync(max, visibility, cancellationToken);
        return [.. messages.Select(m =>
            new ReceivedWork(Parse(m.MessageText), m.MessageText, m.MessageId, m.PopReceipt, m.DequeueCount, queueName))];
    }

    /// <summary>
    /// Hides the message for <paramref name="delay"/> (its lease ends then), optionally with new content; the new pop receipt,
    /// or null when the message is no longer this host's (another host received it after its hold ran out, or it is gone).
    /// </summary>
    public async Task<string?> HideAsync(
        ReceivedWork message, TimeSpan delay, DeliveryWork? replacement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var queue = await GetAsync(message.Queue, cancellationToken);
        var hide = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > LongestHide ? LongestHide : delay;
        var content = replacement is null ? null : JsonSerializer.Serialize(replacement, Json);
        try
        {
            var response = await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, content, hide, cancellationToken);
            return response.Value.PopReceipt;
        }
        catch (RequestFailedException e) when (TakenOver(e))
        {
            return null;
        }
    }

    /// <summary>Done with the message. A message another host has since taken (its lease ran out) is left to that host.</summary>
    public async Task CompleteAsync(ReceivedWork message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var queue = await GetAsync(message.Queue, cancellationToken);
        try
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException e) when (TakenOver(e))
        {
        }
    }

    /// <summary>
    /// Keeps given-up work in the poison queue, then completes it. The kept message is the work as it was received, with
    /// <paramref name="reason"/> (a name from the code: why it was given up) before it on a line of its own.
    /// </summary>
    public async Task PoisonAsync(ReceivedWork message, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var poison = await GetAsync(PoisonQueue, cancellationToken);
        await poison.SendMessageAsync(
            reason + "\n" + message.Text, visibilityTimeout: null, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken);
        await CompleteAsync(message, cancellationToken);
    }

    /// <summary>
    /// Up to 32 messages at the head of a queue, without taking them: when each was added, and for the poison queue
    /// the reason it was kept and its work. Messages hidden at the time (being worked on, or waiting a retry) are not seen.
    /// </summary>
    public async Task<IReadOnlyList<QueuedWork>> PeekAsync(string queueName, int max, CancellationToken cancellationToken)
    {
        var queue = await GetAsync(queueName, cancellationToken);
        PeekedMessage[] messages = await queue.PeekMessagesAsync(Math.Clamp(max, 1, 32), cancellationToken);
        return [.. messages.Select(m =>
        {
            var text = m.Body.ToString();
            var (reason, work) = queueName == PoisonQueue && text.IndexOf('\n', StringComparison.Ordinal) is var at and > 0
                ? (text[..at], text[(at + 1)..])
                : (null, text);
            return new QueuedWork(m.InsertedOn, reason, Parse(work));
        })];
    }

    /// <summary>
    /// Whether the queue service answers (<c>/healthz</c>): the properties of every fixed queue (<see cref="Fixed"/>) are read.
    /// A queue that vanished since this host created it (an account reset, an emulator restarted empty) is created again, as
    /// the tables are: the poison queue too, or a message given up would fail to be put aside.
    /// </summary>
    public Task ProbeAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Fixed.Select(name => ProbeAsync(name, cancellationToken)));

    private async Task ProbeAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await (await GetAsync(name, cancellationToken)).GetPropertiesAsync(cancellationToken);
        }
        catch (RequestFailedException e) when (e.ErrorCode == "QueueNotFound")
        {
            _queues.TryRemove(name, out _);
            await (await GetAsync(name, cancellationToken)).GetPropertiesAsync(cancellationToken);
        }
    }

    /// <summary>How many messages wait in a queue (approximate, as the service counts them).</summary>
    public async Task<int> CountAsync(string queueName, CancellationToken cancellationToken)
    {
        var queue = await GetAsync(queueName, cancellationToken);
        return (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
    }

    /// <summary>
    /// Up to 32 messages at the head of the fan-outs' queue and of every tenant's, listed afresh (see
    /// <see cref="PeekAsync"/>: hidden messages are not seen).
    /// </summary>
    public async Task<IReadOnlyList<QueuedWork>> PeekWaitingAsync(CancellationToken cancellationToken)
    {
        var head = new List<QueuedWork>(await PeekAsync(FanOutQueue, 32, cancellationToken));
        foreach (var queue in await TenantQueuesAsync(fresh: true, cancellationToken))
        {
            head.AddRange(await PeekAsync(queue, 32, cancellationToken));
        }

        return head;
    }

    /// <summary>How much work waits, hidden or not: the fan-outs' queue and every tenant's, listed afresh.</summary>
    public async Task<int> WaitingAsync(CancellationToken cancellationToken)
    {
        var total = await CountAsync(FanOutQueue, cancellationToken);
        foreach (var queue in await TenantQueuesAsync(fresh: true, cancellationToken))
        {
            total += await CountAsync(queue, cancellationToken);
        }

        return total;
    }

    // 404: gone already; PopReceiptMismatch (400): another host received it after its hold ran out.
    private static bool TakenOver(RequestFailedException e) => e.Status == 404 || e.ErrorCode == "PopReceiptMismatch";

    private static DeliveryWork? Parse(string text)
    {
        try
        {
            var work = JsonSerializer.Deserialize<DeliveryWork>(text, Json);
            return work is { Kind.Length: > 0, Tenant.Length: > 0, Subject.Length: > 0 } ? work : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<QueueClient> GetAsync(string name, CancellationToken cancellationToken)
    {
        var lazy = _queues.GetOrAdd(name, n => new Lazy<Task<QueueClient>>(async () =>
        {
            var client = _service.GetQueueClient(n);
            await client.CreateIfNotExistsAsync();
            return client;
        }));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch when (lazy.Value.IsFaulted)
        {
            _queues.TryRemove(new KeyValuePair<string, Lazy<Task<QueueClient>>>(name, lazy));
            throw;
        }
    }
}
