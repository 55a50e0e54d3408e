using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace HealthItPm.Benchmarks.Hosts;

/// <summary>
/// How the fan-out connector behaves: Teams' limits (per tenant, told apart by <see cref="TenantOf"/> from a
/// conversation's id, and per conversation), its latency and its spontaneous throttling.
/// </summary>
public sealed record ConnectorLimits(
    double TenantPerSecond, int ConversationPerSecond, TimeSpan Latency, double RandomThrottleShare, Func<string, string> TenantOf);

/// <summary>
/// The Bot Connector as a fan-out meets it: every send to a conversation is answered after
/// <see cref="ConnectorLimits.Latency"/>; more than a tenant's rate in any one second, or more than
/// the conversation's, is refused with 429 and <c>Retry-After: 1</c>; and a share of the sends within
/// the limits is throttled anyway, as Teams does now and then. A refused send does not count against
/// the limits; a spontaneously throttled one does (Teams spent the request on it).
/// <para>
/// A send it accepted counts as delivered even when the bot never reads the answer (the bot host was
/// killed while waiting): Teams shows the card either way. Those are counted apart, because they are
/// the one window in which the bot cannot know that a card went out.
/// </para>
/// </summary>
public sealed class ThrottlingConnector
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly ConnectorLimits _limits;
    private readonly object _gate = new();
    private readonly Dictionary<string, Queue<long>> _tenantWindows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<long>> _conversationWindows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<TimeSpan>> _delivered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _unanswered = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<TimeSpan> _refusedAt = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _firstSend;
    private int _ids;
    private int _tenantRefusals;
    private int _conversationRefusals;
    private int _randomThrottles;

    private ThrottlingConnector(ConnectorLimits limits)
    {
        _limits = limits;
    }

    public int TenantRefusals => Volatile.Read(ref _tenantRefusals);

    public int ConversationRefusals => Volatile.Read(ref _conversationRefusals);

    public int RandomThrottles => Volatile.Read(ref _randomThrottles);

    public int Throttled => TenantRefusals + ConversationRefusals + RandomThrottles;

    /// <summary>Conversations that got at least one card.</summary>
    public int ConversationsReached => _delivered.Count;

    /// <summary>Cards accepted, all conversations together.</summary>
    public int CardsAccepted => _delivered.Values.Sum(q => q.Count);

    /// <summary>When each send over the tenant's rate was refused (since the connector started).</summary>
    public IReadOnlyList<TimeSpan> TenantRefusedAt => [.. _refusedAt];

    /// <summary>When the first send arrived, accepted or not (since the connector started).</summary>
    public TimeSpan FirstSend => Stopwatch.GetElapsedTime(_started, Interlocked.Read(ref _firstSend));

    /// <summary>Since the connector started.</summary>
    public TimeSpan Now => Stopwatch.GetElapsedTime(_started);

    /// <summary>Cards each conversation got, with when each was answered (since the connector started).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TimeSpan>> Delivered =>
        _delivered.ToDictionary(p => p.Key, p => (IReadOnlyList<TimeSpan>)[.. p.Value], StringComparer.Ordinal);

    /// <summary>Accepted sends whose answer the bot was no longer there to read, per conversation.</summary>
    public IReadOnlyDictionary<string, int> Unanswered => _unanswered.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public static (WebApplication App, ThrottlingConnector Connector) Build(ConnectorLimits limits)
    {
        var connector = new ThrottlingConnector(limits);
        var app = Loopback.Builder().Build();
        // A proactive send posts to the conversation, or as a reply to the continuation activity's id.
        app.MapPost("/v3/conversations/{conversationId}/activities", connector.SendAsync);
        app.MapPost(
            "/v3/conversations/{conversationId}/activities/{replyTo}",
            (string conversationId, HttpContext context) => connector.SendAsync(conversationId, context));
        app.MapFallback((HttpContext context) =>
        {
            Console.Error.WriteLine($"connector: unexpected {context.Request.Method} {context.Request.Path}");
            return Results.NotFound();
        });
        return (app, connector);
    }

    private async Task<IResult> SendAsync(string conversationId, HttpContext context)
    {
        var arrived = Stopwatch.GetTimestamp();
        Interlocked.CompareExchange(ref _firstSend, arrived, 0);
        var verdict = Admit(conversationId, arrived);

        // Teams takes its time whatever the bot does meanwhile: not cancelled when the caller goes away.
        await Task.Delay(_limits.Latency, CancellationToken.None);
        if (verdict != Verdict.Accepted)
        {
            context.Response.Headers.RetryAfter = "1";
            return Results.Json(
                new { error = new { code = "TooManyRequests", message = "Throttled" } }, statusCode: StatusCodes.Status429TooManyRequests);
        }

        _delivered.GetOrAdd(conversationId, _ => new ConcurrentQueue<TimeSpan>()).Enqueue(Now);
        if (context.RequestAborted.IsCancellationRequested)
        {
            _unanswered.AddOrUpdate(conversationId, 1, (_, n) => n + 1);
        }

        return Results.Json(new { id = Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture) });
    }

    private Verdict Admit(string conversation, long now)
    {
        var oldest = now - (long)(Window.TotalSeconds * Stopwatch.Frequency);
        lock (_gate)
        {
            var tenant = WindowOf(_tenantWindows, _limits.TenantOf(conversation));
            Forget(tenant, oldest);
            if (tenant.Count >= _limits.TenantPerSecond)
            {
                _tenantRefusals++;
                _refusedAt.Enqueue(Now);
                return Verdict.Refused;
            }

            var sends = WindowOf(_conversationWindows, conversation);
            Forget(sends, oldest);
            if (sends.Count >= _limits.ConversationPerSecond)
            {
                _conversationRefusals++;
                return Verdict.Refused;
            }

            tenant.Enqueue(now);
            sends.Enqueue(now);
            if (Random.Shared.NextDouble() < _limits.RandomThrottleShare)
            {
                _randomThrottles++;
                return Verdict.Throttled;
            }

            return Verdict.Accepted;
        }
    }

    private static Queue<long> WindowOf(Dictionary<string, Queue<long>> windows, string key)
    {
        if (!windows.TryGetValue(key, out var window))
        {
            window = new Queue<long>();
            windows[key] = window;
        }

        return window;
    }

    private static void Forget(Queue<long> sends, long oldest)
    {
        while (sends.TryPeek(out var at) && at <= oldest)
        {
            sends.Dequeue();
        }
    }

    private enum Verdict
    {
        Accepted,
        Throttled,
        Refused,
    }
}
