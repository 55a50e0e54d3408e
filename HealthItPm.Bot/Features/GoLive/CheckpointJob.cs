using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Scheduling;
using HealthItPm.Domain.GoLive;

namespace HealthItPm.Bot.Features.GoLive;

/// <summary>
/// Each tick, keeps the checkpoint due of every gate whose date has not passed: the scorecard as it stands, saved with the
/// gate's ETag so that of several hosts exactly one keeps it; that host then asks the owners of attested criteria not met
/// for their word (an attestation round, its cards handed to the pipeline at once).
/// </summary>
public sealed partial class CheckpointJob(
    IGateStore gates, GoLiveService service, GoLiveAttestations attestations, RoundSteps steps, ILogger<CheckpointJob> logger)
    : IScheduledJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await ScheduledSteps.RunEachAsync(
            await gates.ListAllAsync(cancellationToken),
            async stored =>
            {
                if (await service.KeepDueCheckpointAsync(stored, cancellationToken) is not { } kept)
                {
                    return;
                }

                var (tenant, code) = (stored.Tenant, stored.Gate.Project);
                var round = await attestations.AskAtCheckpointAsync(tenant, code, cancellationToken);
                if (round is not null)
                {
                    await steps.QueueCardsAsync(tenant, code, AttestRounds.Kind, round.Id, cancellationToken);
                }

                LogKept(logger, code.Value, kept.DaysBefore, kept.Remind.Count, round?.Audience.Count ?? 0);
            },
            stored => $"the go-live gate of {stored.Gate.Project.Value}",
            logger,
            cancellationToken);
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Go-live gate of {Project}: checkpoint {Days} days before kept; {Owners} owners of unmet criteria; "
            + "{Asked} asked to attest")]
    private static partial void LogKept(ILogger logger, string project, int days, int owners, int asked);
}
