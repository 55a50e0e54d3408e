using HealthItPm.Bot.Messaging;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.CheckIns;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Scheduling;

public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>False for a host that should only answer turns (other hosts do the scheduled work).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often due check-ins, reminders and deadlines are looked at.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3600, ErrorMessage = "Scheduler:TickSeconds must be between 1 and 3600.")]
    public int TickSeconds { get; set; } = 30;
}

/// <summary>
/// Runs inside every bot host: each tick opens due rounds and works the open ones. Hosts need no
/// coordination beyond storage: opening a round, moving a schedule on, sending a card and closing a
/// round are each claimed with a conditional write, so every step happens once however many hosts run.
/// </summary>
public sealed partial class CheckInScheduler(
    CheckInService checkIns,
    CheckInDispatcher dispatcher,
    IOptions<SchedulerOptions> options,
    TimeProvider clock,
    ILogger<CheckInScheduler> logger) : BackgroundService
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
        try
        {
            await checkIns.FireDueAsync(cancellationToken);
            await dispatcher.RunAsync(cancellationToken);
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e))
        {
            // Nothing was half-done that the next tick cannot finish: every step is claimed in storage.
            LogStorageUnavailable(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Check-in scheduling skipped a tick: storage is unavailable")]
    private static partial void LogStorageUnavailable(ILogger logger, Exception exception);
}
