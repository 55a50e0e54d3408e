using Azure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HealthItPm.Bot.Storage;

/// <summary>Storage is reachable when the table service answers a one-row query within two seconds. Details go to the log only.</summary>
public sealed class StorageHealthCheck(StorageTables tables) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await foreach (var _ in tables.Service.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).AsPages(pageSizeHint: 1))
            {
                break;
            }

            return HealthCheckResult.Healthy("reachable");
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e) || e is OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("unreachable", e);
        }
        catch (RequestFailedException e)
        {
            // Storage answered, but not with data (403: a wrong or rotated key). The status is in
            // the description and the exception (code, headers, body) goes to the log, never to /healthz.
            return HealthCheckResult.Unhealthy($"storage answered {e.Status}", e);
        }
    }
}
