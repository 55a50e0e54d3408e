using HealthItPm.Domain.Rounds;

namespace HealthItPm.Domain.Readiness;

/// <summary>What a closed wave's answers add up to, kept beside it: its readiness, or null when nobody answered.</summary>
public sealed record WaveTally(ReadinessSnapshot? Readiness)
{
    public static WaveTally Of(Round wave, IReadOnlyList<GivenAnswer<AdkarAnswer>> answers, DateTimeOffset now)
    {
        var results = AdkarResults.From(wave, answers, now);
        return new(results.AnsweredCount == 0 ? null : ReadinessSnapshot.Of(results));
    }
}
