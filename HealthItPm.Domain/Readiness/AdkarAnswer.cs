using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;

namespace HealthItPm.Domain.Readiness;

/// <summary>The five Prosci ADKAR elements, in the order change has to pass through them.</summary>
public enum AdkarElement
{
    Awareness,
    Desire,
    Knowledge,
    Ability,
    Reinforcement,
}

/// <summary>How far a person agrees with an element's statement: 1 (not at all) to 5 (fully).</summary>
public readonly record struct AdkarScore
{
    /// <summary>Prosci: an element scored at or below this is a barrier.</summary>
    public const int BarrierAtOrBelow = 3;

    public AdkarScore(int value)
    {
        if (value is < 1 or > 5)
        {
            throw new DomainException(Problem.AdkarScoreOutOfRange());
        }

        Value = value;
    }

    public int Value { get; }

    public bool IsBarrier => Value <= BarrierAtOrBelow;
}

/// <summary>
/// One person's answer to an ADKAR wave: a score for each of the five elements, and an optional
/// comment that never holds suspected PHI (<see cref="Create"/> refuses it before anything is stored).
/// </summary>
public sealed record AdkarAnswer
{
    public const int MaxCommentLength = 500;

    private readonly AdkarScore[] _scores;

    private AdkarAnswer(AdkarScore[] scores, string? comment)
    {
        _scores = scores;
        Comment = comment;
    }

    public static IReadOnlyList<AdkarElement> Elements { get; } = Enum.GetValues<AdkarElement>();

    public string? Comment { get; }

    public AdkarScore this[AdkarElement element] => _scores[(int)element];

    /// <summary>The barrier point: the first element in A-D-K-A-R order scored 3 or lower; none when all are 4 or 5.</summary>
    public AdkarElement? BarrierPoint => Elements.Cast<AdkarElement?>().FirstOrDefault(e => this[e!.Value].IsBarrier);

    /// <summary>An answer, or the suspected PHI in its comment (nothing is kept in that case), checked in <paramref name="context"/>.</summary>
    public static (AdkarAnswer? Answer, IReadOnlyList<PhiFinding> Phi) Create(IReadOnlyList<AdkarScore> scores, string? comment, PhiContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count != Elements.Count)
        {
            throw new DomainException(Problem.AdkarAllFiveScored());
        }

        var text = Text.Optional(comment, FreeText.Comment, MaxCommentLength);
        var phi = PhiGuard.Scan(text, context ?? PhiContext.None);
        return phi.Count > 0 ? (null, phi) : (new AdkarAnswer([.. scores], text), phi);
    }

    /// <summary>Rebuilds a stored answer (checked when it was given).</summary>
    public static AdkarAnswer Restore(IReadOnlyList<AdkarScore> scores, string? comment) => new([.. scores], comment);

    public IReadOnlyList<AdkarScore> Scores => _scores;

    public bool Equals(AdkarAnswer? other) => other is not null && _scores.SequenceEqual(other._scores) && Comment == other.Comment;

    public override int GetHashCode() => HashCode.Combine(_scores[0], _scores[1], _scores[2], _scores[3], _scores[4], Comment);
}

/// <summary>What a PM can do about a barrier; the bot says each in words.</summary>
public enum Intervention
{
    SponsorExplainsWhy,
    LeadersRepeatTheCase,
    ShowWhatIsInItForThem,
    AddressResistance,
    TargetedTraining,
    JobAids,
    Coaching,
    PracticeTime,
    SuperUsersAtTheElbow,
    Recognition,
    MeasureAdoption,
    RemoveWorkarounds,
}

/// <summary>The interventions Prosci recommends at each barrier point.</summary>
public static class AdkarInterventions
{
    public static IReadOnlyList<Intervention> For(AdkarElement barrier) => barrier switch
    {
        AdkarElement.Awareness => [Intervention.SponsorExplainsWhy, Intervention.LeadersRepeatTheCase],
        AdkarElement.Desire => [Intervention.ShowWhatIsInItForThem, Intervention.AddressResistance],
        AdkarElement.Knowledge => [Intervention.TargetedTraining, Intervention.JobAids],
        AdkarElement.Ability => [Intervention.Coaching, Intervention.PracticeTime, Intervention.SuperUsersAtTheElbow],
        _ => [Intervention.Recognition, Intervention.MeasureAdoption, Intervention.RemoveWorkarounds],
    };
}
