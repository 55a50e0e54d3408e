using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Digests;
using HealthItPm.Domain.Ports;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Bot.Storage.Digests;

/// <summary>
/// The digest's one view of check-ins: the latest round's audience, answers and share blocked, and the
/// share blocked in the round before. Reads the two rounds and their kept tallies (the answers only of a
/// round still open), so the cost does not grow with the weeks of history. (The only place the digest
/// touches check-in storage.)
/// </summary>
public sealed class CheckInPulseReader(IRoundStore rounds, CheckInService checkIns) : ICheckInPulse
{
    public async Task<CheckInPulse?> LatestAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken)
    {
        var latestRounds = await rounds.LatestRoundsAsync(tenant, project, RoundKind.CheckIn, 2, cancellationToken);
        if (latestRounds.Count == 0)
        {
            return null;
        }

        var latest = await checkIns.TallyAsync(tenant, latestRounds[0], cancellationToken);
        var previous = latestRounds.Count > 1 ? await checkIns.TallyAsync(tenant, latestRounds[1], cancellationToken) : null;
        return new CheckInPulse(latestRounds[0].Id, latestRounds[0].Audience.Count, latest.Answered, latest.BlockedShare, previous?.BlockedShare);
    }
}
