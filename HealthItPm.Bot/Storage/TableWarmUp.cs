namespace HealthItPm.Bot.Storage;

/// <summary>
/// Creates the tables at start-up. A storage account that is down does not stop the host (turns
/// say "try again", health reports 503); the tables are created on first use once it is back.
/// </summary>
public sealed partial class TableWarmUp(StorageTables tables, ILogger<TableWarmUp> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(StorageTables.All.Select(name => tables.GetAsync(name, cancellationToken)));
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e))
        {
            LogUnavailable(logger, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage is unavailable at start-up; tables will be created on first use")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
