using HealthItPm.Bot.Scheduling;
using HealthItPm.Domain.GoLive;

namespace HealthItPm.Bot.Features.GoLive;

/// <summary>
/// Each tick, keeps the checkpoint due of every gate whose date has not passed: the scorecard as it stands and the
/// owners of unmet criteria to remind, saved with the gate's ETag so that of several hosts exactly one keeps it.
/// The owners to remind are kept on the checkpoint; the reminder cards themselves are not sent yet.
/// </summary>
public sealed partial class CheckpointJob(IGateStore gates, GoLiveService service, ILogger<CheckpointJob> logger) : IScheduledJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await ScheduledSteps.RunEachAsync(
            await gates.ListAllAsync(cancellationToken),
            async stored =>
            {
                if (await service.KeepDueCheckpointAsync(stored, cancellationToken) is { } kept)
                {
                    LogKept(logger, stored.Gate.Project.Value, kept.DaysBefore, kept.Remind.Count);
                }
            },
            stored => $"the go-live gate of {stored.Gate.Project.Value}",
            logger,
            cancellationToken);
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Go-live gate of {Project}: checkpoint {Days} days before kept; {Owners} owners to remind")]
    private static partial void LogKept(ILogger logger, string project, int days, int owners);
}
