namespace HealthItPm.Bot.Storage;

/// <summary>
/// Creates the tables at start-up, in the background so the host answers at once. A storage
/// account that is down does not stop the host (turns say "try again", health reports 503); the
/// tables are created on first use once it is back.
/// </summary>
public sealed partial class TableWarmUp(StorageTables tables, ILogger<TableWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(StorageTables.All.Select(name => tables.GetAsync(name, stoppingToken)));
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e)
            || (e is OperationCanceledException && !stoppingToken.IsCancellationRequested))
        {
            // A storage client's own timeout arrives as a cancellation that nobody asked for: storage is slow, the host carries on.
            LogUnavailable(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage is unavailable at start-up; tables will be created on first use")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
