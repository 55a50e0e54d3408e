using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using HealthItPm.Bot.Hosting;
using HealthItPm.Domain.Delivery;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Delivery;

/// <summary>A work item as received: its content, and what the queue needs to hide, move or delete it.</summary>
public sealed record ReceivedWork(DeliveryWork? Work, string Text, string MessageId, string PopReceipt, long DequeueCount);

/// <summary>A message seen at the head of a queue: when it was added, why it was kept (poison queue) and its work.</summary>
public sealed record QueuedWork(DateTimeOffset? AddedAt, string? Reason, DeliveryWork? Work);

/// <summary>
/// The delivery pipeline's Azure Storage queues: <c>deliveries</c>, consumed by every bot host at
/// once (a message's visibility timeout is its lease: a host that dies mid-send loses nothing, the
/// message reappears), and <c>deliveries-poison</c>, where work that was given up is kept for inspection.
/// </summary>
public sealed class DeliveryQueues : IDeliveryQueues
{
    public const string WorkQueue = "deliveries";
    public const string PoisonQueue = "deliveries-poison";

    // The queue service's longest visibility delay is 7 days.
    private static readonly TimeSpan LongestHide = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault,
    };

    private readonly QueueServiceClient _service;
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _queues = new();

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
    /// Adds work, visible at once; several items are sent side by side. This host's receiver is told as soon
    /// as the first is on the queue, not once a fan-out's whole slice is, which takes seconds.
    /// </summary>
    public async Task EnqueueAsync(IReadOnlyCollection<DeliveryWork> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var queue = await GetAsync(WorkQueue, cancellationToken);
        var told = 0;
        await Parallel.ForEachAsync(
            work,
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                await queue.SendMessageAsync(
                    JsonSerializer.Serialize(item, Json), visibilityTimeout: null, timeToLive: TimeSpan.FromSeconds(-1), token);
                if (Interlocked.Exchange(ref told, 1) == 0)
                {
                    Added?.Invoke();
                }
            });
    }

    public async Task<IReadOnlyList<ReceivedWork>> ReceiveAsync(int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var queue = await GetAsync(WorkQueue, cancellationToken);
        QueueMessage[] messages = await queue.ReceiveMessagesAsync(max, lease, cancellationToken);
        return [.. messages.Select(m => new ReceivedWork(Parse(m.MessageText), m.MessageText, m.MessageId, m.PopReceipt, m.DequeueCount))];
    }

    /// <summary>
    /// Hides the message for <paramref name="delay"/> (its lease ends then), optionally with new content; the new pop receipt.
    /// </summary>
    public async Task<string> HideAsync(
        ReceivedWork message, TimeSpan delay, DeliveryWork? replacement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var queue = await GetAsync(WorkQueue, cancellationToken);
        var hide = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > LongestHide ? LongestHide : delay;
        var content = replacement is null ? null : JsonSerializer.Serialize(replacement, Json);
        var response = await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, content, hide, cancellationToken);
        return response.Value.PopReceipt;
    }

    /// <summary>Done with the message. A message another host has since taken (its lease ran out) is left to that host.</summary>
    public async Task CompleteAsync(ReceivedWork message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var queue = await GetAsync(WorkQueue, cancellationToken);
        try
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404 || e.ErrorCode == "PopReceiptMismatch")
        {
            // 404: gone already; PopReceiptMismatch (400): another host received it after the lease ran out.
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
    /// Whether the queue service answers (<c>/healthz</c>): the work queue's properties are read. A work queue that vanished
    /// since this host created it (an account reset, an emulator restarted empty) is created again, as the tables are.
    /// </summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await (await GetAsync(WorkQueue, cancellationToken)).GetPropertiesAsync(cancellationToken);
        }
        catch (RequestFailedException e) when (e.ErrorCode == "QueueNotFound")
        {
            _queues.TryRemove(WorkQueue, out _);
            await (await GetAsync(WorkQueue, cancellationToken)).GetPropertiesAsync(cancellationToken);
        }
    }

    /// <summary>How many messages wait in a queue (approximate, as the service counts them).</summary>
    public async Task<int> CountAsync(string queueName, CancellationToken cancellationToken)
    {
        var queue = await GetAsync(queueName, cancellationToken);
        return (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
    }

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
