using System.Collections.Concurrent;
using HealthItPm.Bot.Telemetry;
using HealthItPm.Domain.Delivery;

namespace HealthItPm.Bot.Delivery;

/// <summary>Why work was kept in the poison queue when no <see cref="DeliveryFailure"/> says it.</summary>
public static class PoisonReasons
{
    /// <summary>The work could not be read, or names a kind of card this version does not know.</summary>
    public const string Unreadable = "Unreadable";
}

/// <summary>
/// What this host's deliveries came to, for the metrics and for the <c>health</c> card: each settlement and each
/// 429 is counted on <see cref="BotTelemetry"/> and in five-minute buckets that <see cref="PipelineMonitor"/>
/// writes to the <c>Deliveries</c> table, where every host's buckets are summed. Counts only: no person, no subject.
/// </summary>
public sealed class PipelineStats(TimeProvider clock)
{
    public static readonly TimeSpan Bucket = TimeSpan.FromMinutes(5);

    /// <summary>The count of Teams' 429 answers.</summary>
    public const string ThrottledKey = "Throttled";

    /// <summary>The longest Retry-After Teams gave, in seconds.</summary>
    public const string LongestRetryAfterKey = "LongestRetryAfter";

    private readonly ConcurrentDictionary<(DateTimeOffset Bucket, string Key), long> _counts = new();

    /// <summary>This host's id in the buckets' rows (not the heartbeat's: the two need not agree).</summary>
    public string HostId { get; } = Guid.NewGuid().ToString("N");

    public void Settled(string kind, DeliveryState state)
    {
        BotTelemetry.DeliveriesSettled.Add(1, new("kind", kind), new("state", state.ToString()));
        _counts.AddOrUpdate((Now(), state.ToString()), 1, (_, n) => n + 1);
    }

    public void Throttled(string kind, TimeSpan? retryAfter)
    {
        BotTelemetry.Throttled.Add(1, new KeyValuePair<string, object?>("kind", kind));
        var bucket = Now();
        _counts.AddOrUpdate((bucket, ThrottledKey), 1, (_, n) => n + 1);
        if (retryAfter is { } after)
        {
            BotTelemetry.RetryAfter.Record(after.TotalSeconds, new KeyValuePair<string, object?>("kind", kind));
            var seconds = (long)Math.Ceiling(after.TotalSeconds);
            _counts.AddOrUpdate((bucket, LongestRetryAfterKey), seconds, (_, n) => Math.Max(n, seconds));
        }
    }

    /// <summary>This host's counts by bucket; buckets older than <paramref name="keep"/> are forgotten.</summary>
    public IReadOnlyDictionary<DateTimeOffset, IReadOnlyDictionary<string, long>> Buckets(TimeSpan keep)
    {
        var oldest = Now() - keep;
        foreach (var old in _counts.Keys.Where(k => k.Bucket < oldest))
        {
            _counts.TryRemove(old, out _);
        }

        return _counts.GroupBy(c => c.Key.Bucket).ToDictionary(
            g => g.Key, g => (IReadOnlyDictionary<string, long>)g.ToDictionary(c => c.Key.Key, c => c.Value, StringComparer.Ordinal));
    }

    public static DateTimeOffset BucketOf(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % Bucket.Ticks), TimeSpan.Zero);

    private DateTimeOffset Now() => BucketOf(clock.GetUtcNow());
}
