using System.Diagnostics;
using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Telemetry;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Scheduling;

public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>False for a host that should only answer turns (other hosts do the scheduled work).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often scheduled work (check-ins, reminders, deadlines, escalations) is looked at.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3600, ErrorMessage = "Scheduler:TickSeconds must be between 1 and 3600.")]
    public int TickSeconds { get; set; } = 30;
}

/// <summary>
/// A kind of scheduled work, run on every tick. Each step it takes
/// is claimed in storage, so it is safe on several hosts at once.
/// </summary>
public interface IScheduledJob
{
    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Runs inside every bot host: each tick runs every scheduled job. Hosts need no coordination
/// beyond storage: every step a job takes (open a round, send a card, escalate a risk, close a
/// round) is claimed with a conditional write first, so it happens once however many hosts run.
/// </summary>
public sealed partial class Scheduler(
    IEnumerable<IScheduledJob> jobs,
    IOptions<SchedulerOptions> options,
    TimeProvider clock,
    ILogger<Scheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.TickSeconds), clock);
        do
        {
            await TickAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task TickAsync(CancellationToken cancellationToken)
    {
        using var tick = BotTelemetry.Source.StartActivity("scheduler.tick");
        var started = Stopwatch.GetTimestamp();
        try
        {
            foreach (var job in jobs)
            {
                await RunAsync(job, cancellationToken);
            }
        }
        finally
        {
            BotTelemetry.SchedulerTick.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    private async Task RunAsync(IScheduledJob job, CancellationToken cancellationToken)
    {
        var name = job.GetType().Name;
        using var span = BotTelemetry.Source.StartActivity("scheduler.job");
        span?.SetTag("healthitpm.job", name);
        BotTelemetry.CurrentJob = name;
        try
        {
            await job.RunAsync(cancellationToken);
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e))
        {
            // Nothing was half-done that the next tick cannot finish: every step is claimed in storage.
            span?.SetStatus(ActivityStatusCode.Error);
            LogStorageUnavailable(logger, e, name);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A job's own bug must not stop the host (nor the other jobs): logged, and tried again next tick.
            span?.SetStatus(ActivityStatusCode.Error);
            LogJobFailed(logger, e, name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Job} failed; the other jobs ran, and it runs again next tick")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} skipped a tick: storage is unavailable")]
    private static partial void LogStorageUnavailable(ILogger logger, Exception exception, string job);
}
