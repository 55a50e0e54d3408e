using HealthItPm.Domain.Rounds;

namespace HealthItPm.Domain.CheckIns;

/// <summary>What a check-in round's answers add up to: how many answered, and how many of them said "blocked".</summary>
public sealed record CheckInTally(int Answered, int Blocked)
{
    /// <summary>The share that said "blocked"; null when nobody answered, never a zero that was not measured.</summary>
    public decimal? BlockedShare => Answered == 0 ? null : (decimal)Blocked / Answered;

    /// <summary>Counts each respondent's latest answer (the engine passes them counted).</summary>
    public static CheckInTally Of(IReadOnlyList<GivenAnswer<CheckInAnswer>> counted)
    {
        ArgumentNullException.ThrowIfNull(counted);
        return new(counted.Count, counted.Count(a => a.Answer.Status == CheckInStatus.Blocked));
    }
}
