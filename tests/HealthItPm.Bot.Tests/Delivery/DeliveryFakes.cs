using System.Globalization;
using HealthItPm.Bot.Delivery;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace HealthItPm.Bot.Tests.Delivery;

/// <summary>What the pipeline's parts did, in order, as the fakes of its ports saw it.</summary>
public sealed class PortLog
{
    private readonly List<string> _events = [];

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public void Add(string what)
    {
        lock (_events)
        {
            _events.Add(what);
        }
    }
}

/// <summary>
/// The queues' port: notes receives, hides, completions and poisonings; each hide gives a new pop receipt, and a message
/// hidden for no time is visible again at once on its queue (a longer hide keeps it out of this test's sight).
/// </summary>
public sealed class FakeQueues(PortLog log) : IDeliveryQueues
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<ReceivedWork>> _visible = new(StringComparer.Ordinal);
    private int _receipts;

    public event Action? Added;

    public List<(ReceivedWork Message, TimeSpan Delay, DeliveryWork? Replacement)> Hidden { get; } = [];

    public List<ReceivedWork> Completed { get; } = [];

    public List<ReceivedWork> Poisoned { get; } = [];

    /// <summary>Each receive that found something: the queue, and how long it hid what it took.</summary>
    public List<(string Queue, TimeSpan Visibility)> Received { get; } = [];

    public void Put(ReceivedWork message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            if (!_visible.TryGetValue(message.Queue, out var queue))
            {
                _visible[message.Queue] = queue = new Queue<ReceivedWork>();
            }

            queue.Enqueue(message);
        }
    }

    /// <summary>How many messages are visible on a queue now.</summary>
    public int Count(string queueName)
    {
        lock (_gate)
        {
            return _visible.TryGetValue(queueName, out var queue) ? queue.Count : 0;
        }
    }

    public Task EnqueueAsync(IReadOnlyCollection<DeliveryWork> work, CancellationToken cancellationToken)
    {
        foreach (var item in work)
        {
            Put(new ReceivedWork(item, string.Empty, Guid.NewGuid().ToString("N"), "pop 0", 0, DeliveryQueues.QueueOf(item)));
        }

        log.Add(string.Create(CultureInfo.InvariantCulture, $"enqueue {work.Count}"));
        Added?.Invoke();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> TenantQueuesAsync(bool fresh, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<string>>(
                [.. _visible.Keys.Where(q => q != DeliveryQueues.FanOutQueue).Order(StringComparer.Ordinal)]);
        }
    }

    public Task<IReadOnlyList<ReceivedWork>> ReceiveAsync(
        string queueName, int max, TimeSpan visibility, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var received = new List<ReceivedWork>();
            while (received.Count < max && _visible.TryGetValue(queueName, out var queue) && queue.TryDequeue(out var message))
            {
                received.Add(message with { DequeueCount = message.DequeueCount + 1 });
            }

            if (received.Count > 0)
            {
                Received.Add((queueName, visibility));
            }

            return Task.FromResult<IReadOnlyList<ReceivedWork>>(received);
        }
    }

    public Task<string?> HideAsync(ReceivedWork message, TimeSpan delay, DeliveryWork? replacement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        string receipt;
        lock (_gate)
        {
            Hidden.Add((message, delay, replacement));
            receipt = string.Create(CultureInfo.InvariantCulture, $"pop {++_receipts}");
        }

        if (delay == TimeSpan.Zero)
        {
            Put(message with { Work = replacement ?? message.Work, PopReceipt = receipt });
        }

        log.Add(string.Create(CultureInfo.InvariantCulture, $"hide {delay.TotalSeconds:0.###} s"));
        return Task.FromResult<string?>(receipt);
    }

    public Task CompleteAsync(ReceivedWork message, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Completed.Add(message);
        }

        log.Add("complete");
        return Task.CompletedTask;
    }

    public Task PoisonAsync(ReceivedWork message, string reason, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Poisoned.Add(message);
        }

        log.Add("poison");
        return Task.CompletedTask;
    }
}

/// <summary>
/// The records' port as table storage keeps them: one row per recipient, a write guarded by the version it
/// was read at (another host's write in between makes it fail), and storage failures on demand.
/// </summary>
public sealed class FakeRecords(PortLog log) : IDeliveryRecords
{
    private readonly Lock _gate = new();
    private readonly Dictionary<PersonId, (DeliveryRecord Record, int Version, bool Reported)> _rows = [];

    public List<DeliveryRecord> Written { get; } = [];

    /// <summary>Thrown by the next writes of a settled record, one each: storage not answering after Teams answered.</summary>
    public Queue<Exception> SettlementFailures { get; } = new();

    /// <summary>Another host's write that lands between this host's read and its next write.</summary>
    public DeliveryRecord? WrittenMeanwhile { get; set; }

    public VersionedDelivery? this[PersonId recipient]
    {
        get
        {
            lock (_gate)
            {
                return _rows.TryGetValue(recipient, out var row)
                    ? new VersionedDelivery(row.Record, Version(row.Version), row.Reported)
                    : null;
            }
        }
    }

    /// <summary>A row as another host left it.</summary>
    public void Put(DeliveryRecord record, bool reported = false)
    {
        lock (_gate)
        {
            _rows[record.Recipient] = (record, (_rows.TryGetValue(record.Recipient, out var row) ? row.Version : 0) + 1, reported);
        }
    }

    public Task<VersionedDelivery?> ReadAsync(
        TenantId tenant, DeliveryTopic topic, PersonId recipient, CancellationToken cancellationToken) =>
        Task.FromResult(this[recipient]);

    public Task<string?> WriteAsync(
        TenantId tenant, DeliveryRecord record, string? version, bool reported, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (record.IsSettled && SettlementFailures.TryDequeue(out var failure))
            {
                log.Add($"write {record.State} failed");
                throw failure;
            }

            if (WrittenMeanwhile is { } other)
            {
                Put(other);
                WrittenMeanwhile = null;
            }

            if (this[record.Recipient]?.Version != version)
            {
                log.Add($"write {record.State} lost");
                return Task.FromResult<string?>(null);
            }

            Put(record, reported);
            Written.Add(record);
            log.Add($"write {record.State}");
            return Task.FromResult<string?>(this[record.Recipient]!.Version);
        }
    }

    public Task MarkReportedAsync(TenantId tenant, DeliveryTopic topic, PersonId recipient, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _rows[recipient] = _rows[recipient] with { Reported = true };
        }

        log.Add("reported");
        return Task.CompletedTask;
    }

    private static string Version(int version) => string.Create(CultureInfo.InvariantCulture, $"v{version}");
}

/// <summary>The sender's port: answers as told, and notes each try.</summary>
public sealed class FakeSender(PortLog log) : IProactiveSender
{
    public Queue<SendAnswer> Answers { get; } = new();

    public string Culture { get; set; } = "en-US";

    /// <summary>Runs while Teams takes its time over a send.</summary>
    public Action? WhileSending { get; set; }

    /// <summary>Each try's tenant and person, in the order they were made.</summary>
    public List<(TenantId Tenant, PersonId Person)> Tries { get; } = [];

    public Task<CultureInfo> CultureOfAsync(TenantId tenant, PersonId person, CancellationToken cancellationToken) =>
        Task.FromResult(CultureInfo.GetCultureInfo(Culture));

    public Task<SendAnswer> SendToPersonAsync(
        TenantId tenant, PersonId person, IActivity activity, Func<CancellationToken, Task> whenDue, CancellationToken cancellationToken)
    {
        log.Add("send");
        lock (Tries)
        {
            Tries.Add((tenant, person));
        }

        WhileSending?.Invoke();
        lock (Answers)
        {
            return Task.FromResult(Answers.TryDequeue(out var answer) ? answer : new SendAnswer.Sent());
        }
    }
}

/// <summary>A kind of card whose composition a test chooses; it notes the culture it was composed in and what it was told.</summary>
public sealed class FakeKind(PortLog log, bool reportsSettlement = false) : DeliveryKind
{
    public const string Name = "test.card";

    public Composition Next { get; set; } = new Composition.Card(MessageFactory.Text("How is the go-live going?"));

    public List<string> ComposedIn { get; } = [];

    public List<DeliveryRecord> Told { get; } = [];

    public IReadOnlyList<PersonId> Audience { get; set; } = [];

    public override string Kind => Name;

    public override bool ReportsSettlement => reportsSettlement;

    /// <summary>Per tenant, what its audience's read waits for: a fan-out held mid-slice while the test says.</summary>
    public Dictionary<string, Task> AudienceWaitsFor { get; } = new(StringComparer.Ordinal);

    public override async Task<IReadOnlyList<PersonId>> AudienceAsync(
        DeliveryWork fanOut, int offset, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fanOut);
        if (AudienceWaitsFor.TryGetValue(fanOut.Tenant, out var held))
        {
            await held.WaitAsync(cancellationToken);
        }

        return [.. Audience.Skip(offset).Take(count)];
    }

    public override Task<Composition> ComposeAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        lock (ComposedIn)
        {
            ComposedIn.Add(CultureInfo.CurrentUICulture.Name);
        }

        log.Add("compose");
        return Task.FromResult(Next);
    }

    public override Task SettledAsync(DeliveryWork work, DeliveryRecord record, CancellationToken cancellationToken)
    {
        lock (Told)
        {
            Told.Add(record);
        }

        log.Add($"told {record.State}");
        return Task.CompletedTask;
    }
}

/// <summary>The heartbeats' port for a host alone.</summary>
public sealed class AloneLiveHosts : ILiveHosts
{
    public Task<IReadOnlyList<string>> HeartbeatAsync(string hostId, TimeSpan window, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([hostId]);

    public Task LeaveAsync(string hostId, CancellationToken cancellationToken) => Task.CompletedTask;
}
