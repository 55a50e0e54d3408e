using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Digests;
using HealthItPm.Domain.Ports;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Bot.Storage.Digests;

/// <summary>
/// The digest's one view of check-ins: the latest round's audience, answers and share blocked, and the
/// share blocked in the round before. Reads two rounds and their answers, nothing older, so the cost
/// does not grow with the weeks of history. (The only place the digest touches check-in storage.)
/// </summary>
public sealed class CheckInPulseReader(ICheckInStore checkIns) : ICheckInPulse
{
    public async Task<CheckInPulse?> LatestAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken)
    {
        var rounds = await checkIns.LatestRoundsAsync(tenant, project, 2, cancellationToken);
        if (rounds.Count == 0)
        {
            return null;
        }

        var latest = await CountAsync(tenant, project, rounds[0], cancellationToken);
        var previous = rounds.Count > 1 ? await CountAsync(tenant, project, rounds[1], cancellationToken) : default;
        return new CheckInPulse(rounds[0].Id, rounds[0].Audience.Count, latest.Answered, latest.BlockedShare, previous.BlockedShare);
    }

    private async Task<(int Answered, decimal? BlockedShare)> CountAsync(TenantId tenant, ProjectCode project, CheckInRound round, CancellationToken cancellationToken)
    {
        var answers = (await checkIns.AnswersAsync(tenant, project, round.Id, cancellationToken))
            .Where(a => round.IsAddressedTo(a.Person))
            .GroupBy(a => a.Person)
            .Select(g => g.MaxBy(a => a.At)!)
            .ToList();
        return (answers.Count, answers.Count == 0 ? null : (decimal)answers.Count(a => a.Answer.Status == CheckInStatus.Blocked) / answers.Count);
    }
}
