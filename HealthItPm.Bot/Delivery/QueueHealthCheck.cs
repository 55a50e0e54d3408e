using Azure;
using HealthItPm.Bot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HealthItPm.Bot.Delivery;

/// <summary>
/// The queue service is reachable when it answers for every fixed queue (the fan-outs' and the poison queue) within two
/// seconds: without it every proactive card fails, however well the tables answer. Details go to the log only, as for
/// <see cref="StorageHealthCheck"/>.
/// </summary>
public sealed class QueueHealthCheck(DeliveryQueues queues) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await queues.ProbeAsync(timeout.Token);
            return HealthCheckResult.Healthy("reachable");
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e) || e is OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("unreachable", e);
        }
        catch (RequestFailedException e)
        {
            return HealthCheckResult.Unhealthy($"queue service answered {e.Status}", e);
        }
    }
}
