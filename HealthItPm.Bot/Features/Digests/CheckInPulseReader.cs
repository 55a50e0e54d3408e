using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Digests;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Bot.Features.Digests;

/// <summary>
/// The digest's one view of check-ins: the latest closed round's audience, answers and share blocked, and the
/// share blocked in the closed round before (a round still open, or one sent again a minute ago, would report
/// its first few answers as the week's). An anonymous round's share only where the rule allows
/// (<see cref="Round.FiguresWithheld"/>). Reads the rounds and their kept tallies, so the cost does not grow with
/// the weeks of history. (The only place the digest touches check-in storage.)
/// </summary>
public sealed class CheckInPulseReader(IRoundStore rounds, CheckInService checkIns) : ICheckInPulse
{
    // The latest rounds are point reads (kept in memory by the round store while few enough): the first few usually hold
    // the two closed ones wanted; enough to find them behind rounds still open (weekly ones, and any sent again) are read
    // only when they do not, so a 60-project portfolio's reads stay within what the store keeps.
    public const int LookedAtFirst = 3;
    public const int LookedAt = 6;

    public async Task<CheckInPulse?> LatestAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken)
    {
        var now = checkIns.Now;
        var newest = await rounds.LatestRoundsAsync(tenant, project, CheckInRounds.Kind, LookedAtFirst, cancellationToken);
        if (newest.Count == LookedAtFirst && newest.Count(r => now >= r.ClosesAt) < 2)
        {
            newest = await rounds.LatestRoundsAsync(tenant, project, CheckInRounds.Kind, LookedAt, cancellationToken);
        }

        var closed = newest.Where(r => now >= r.ClosesAt).Take(2).ToList();
        if (closed.Count == 0)
        {
            return null;
        }

        var latest = await checkIns.TallyAsync(tenant, closed[0], cancellationToken);
        var previous = closed.Count > 1 ? await checkIns.TallyAsync(tenant, closed[1], cancellationToken) : null;
        decimal? Share(Round round, CheckInTally tally) => round.FiguresWithheld(tally.Answered, now) is null ? tally.BlockedShare : null;
        return new CheckInPulse(
            closed[0].Id,
            closed[0].Audience.Count,
            latest.Answered,
            Share(closed[0], latest),
            previous is null ? null : Share(closed[1], previous));
    }
}
