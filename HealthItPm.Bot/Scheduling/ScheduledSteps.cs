using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Telemetry;

namespace HealthItPm.Bot.Scheduling;

/// <summary>
/// Runs scheduled work one item at a time so that one item's failure (a damaged row, a bug met on
/// one project's data) is logged and skipped, and every other project's check-ins and escalations
/// still go out. Storage being down is nobody's item: it ends the pass, and the next tick resumes.
/// </summary>
public static partial class ScheduledSteps
{
    public static async Task RunEachAsync<T>(
        IEnumerable<T> items, Func<T, Task> step, Func<T, string> describe, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(describe);
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await step(item);
                Counted("done");
            }
            catch (Exception e) when (e is not OperationCanceledException && !StorageFailure.IsUnavailable(e))
            {
                Counted("failed");
                LogStepFailed(logger, e, describe(item));
            }
        }
    }

    private static void Counted(string outcome) => BotTelemetry.SchedulerSteps.Add(
        1, new KeyValuePair<string, object?>("job", BotTelemetry.CurrentJob ?? "other"), new("outcome", outcome));

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled work for {Item} failed and was skipped; the rest went on")]
    private static partial void LogStepFailed(ILogger logger, Exception exception, string item);
}
