using HealthItPm.Domain.Rounds;

namespace HealthItPm.Domain.Readiness;

/// <summary>
/// What a closed wave's answers add up to, kept beside it: its readiness, or null when nobody answered or
/// when the wave is anonymous and too few answered for any figure to be shown (<see cref="AdkarResults.Withheld"/>).
/// </summary>
public sealed record WaveTally(ReadinessSnapshot? Readiness)
{
    public static WaveTally Of(Round wave, IReadOnlyList<GivenAnswer<AdkarAnswer>> answers)
    {
        ArgumentNullException.ThrowIfNull(wave);
        var results = AdkarResults.From(wave, answers, wave.ClosesAt);
        return new(results.AnsweredCount == 0 || results.Withheld is not null ? null : ReadinessSnapshot.Of(results));
    }
}
