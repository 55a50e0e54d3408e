using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HealthItPm.Bot.Telemetry;

/// <summary>
/// The bot's one <see cref="Meter"/> and one <see cref="ActivitySource"/>, and every instrument on them. Tags name
/// kinds, states, outcomes, commands and form fields from the code, never a person, an id of one, or what they typed.
/// </summary>
public static class BotTelemetry
{
    public const string Name = "HealthItPm.Bot";

    public static ActivitySource Source { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    /// <summary>Turns by activity type (<c>kind</c>) and <c>outcome</c> (ok, error, dropped before the handler).</summary>
    public static Counter<long> Turns { get; } = Meter.CreateCounter<long>("healthitpm.turns", "{turn}", "Turns by kind and outcome");

    public static Histogram<double> TurnDuration { get; } =
        Meter.CreateHistogram<double>("healthitpm.turn.duration", "s", "How long a turn took, by kind and outcome");

    /// <summary>Deliveries settled, by card <c>kind</c> and <c>state</c> (sent, unreachable, not delivered, not needed).</summary>
    public static Counter<long> DeliveriesSettled { get; } =
        Meter.CreateCounter<long>("healthitpm.deliveries.settled", "{delivery}", "Deliveries settled, by kind and state");

    /// <summary>Teams' 429 answers to proactive sends, by card <c>kind</c>.</summary>
    public static Counter<long> Throttled { get; } =
        Meter.CreateCounter<long>("healthitpm.teams.throttled", "{answer}", "Teams' 429 answers to proactive sends");

    public static Histogram<double> RetryAfter { get; } =
        Meter.CreateHistogram<double>("healthitpm.teams.retry_after", "s", "The Retry-After of Teams' 429 answers");

    public static Histogram<double> SchedulerTick { get; } =
        Meter.CreateHistogram<double>("healthitpm.scheduler.tick.duration", "s", "How long a scheduler tick took");

    /// <summary>Steps scheduled work took, by <c>job</c> and <c>outcome</c> (done, failed and skipped).</summary>
    public static Counter<long> SchedulerSteps { get; } =
        Meter.CreateCounter<long>("healthitpm.scheduler.steps", "{step}", "Steps scheduled work took, by job and outcome");

    /// <summary>Free text refused as suspected PHI, by form <c>field</c>: counts only.</summary>
    public static Counter<long> PhiRefusals { get; } =
        Meter.CreateCounter<long>("healthitpm.phi.refusals", "{refusal}", "Free text refused as suspected PHI, by field");

    /// <summary>What the pipeline's gauges report: read from storage every few seconds by the host.</summary>
    public static PipelineReadings Pipeline { get; } = new();

    private static readonly AsyncLocal<string?> Job = new();

    static BotTelemetry()
    {
        Meter.CreateObservableGauge(
            "healthitpm.queue.depth", () => Pipeline.Observe(p => p.QueueDepth), "{message}", "Messages on the delivery queue");
        Meter.CreateObservableGauge(
            "healthitpm.queue.oldest_age",
            () => Pipeline.Observe(p => p.OldestAgeSeconds),
            "s",
            "Age of the oldest visible message on the delivery queue");
        Meter.CreateObservableGauge(
            "healthitpm.queue.poison.depth", () => Pipeline.Observe(p => p.PoisonDepth), "{message}", "Messages on the poison queue");
        Meter.CreateObservableGauge(
            "healthitpm.hosts.live", () => Pipeline.Observe(p => p.LiveHosts), "{host}", "Delivering hosts seen in their last three beats");
    }

    /// <summary>The scheduled job running in this flow, which tags its steps.</summary>
    public static string? CurrentJob
    {
        get => Job.Value;
        set => Job.Value = value;
    }

    public static void PhiRefused(string field) => PhiRefusals.Add(1, new KeyValuePair<string, object?>("field", field));
}

/// <summary>The latest readings of the pipeline's gauges; a gauge with no reading yet reports nothing.</summary>
public sealed class PipelineReadings
{
    private readonly Lock _lock = new();
    private (long? QueueDepth, double? OldestAgeSeconds, long? PoisonDepth, long? LiveHosts) _now;

    public long? QueueDepth => Read(p => p.QueueDepth);

    public double? OldestAgeSeconds => Read(p => p.OldestAgeSeconds);

    public long? PoisonDepth => Read(p => p.PoisonDepth);

    public long? LiveHosts => Read(p => p.LiveHosts);

    public void SetQueues(long depth, double oldestAgeSeconds, long poisonDepth)
    {
        lock (_lock)
        {
            _now = (depth, oldestAgeSeconds, poisonDepth, _now.LiveHosts);
        }
    }

    public void SetLiveHosts(long count)
    {
        lock (_lock)
        {
            _now = _now with { LiveHosts = count };
        }
    }

    internal IEnumerable<Measurement<T>> Observe<T>(Func<PipelineReadings, T?> read)
        where T : struct
    {
        if (read(this) is { } value)
        {
            yield return new Measurement<T>(value);
        }
    }

    private T Read<T>(Func<(long? QueueDepth, double? OldestAgeSeconds, long? PoisonDepth, long? LiveHosts), T> read)
    {
        lock (_lock)
        {
            return read(_now);
        }
    }
}
