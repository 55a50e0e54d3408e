using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Rounds;

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
/// comment. The comment is <see cref="GuardedText"/>: checked for PHI (in the wave's context, so its
/// people are not taken for patients) before the answer can exist.
/// </summary>
public sealed record AdkarAnswer : IFreeTextAnswer<AdkarAnswer>
{
    public const int MaxCommentLength = 500;

    private readonly AdkarScore[] _scores;

    private AdkarAnswer(AdkarScore[] scores, GuardedText? comment)
    {
        _scores = scores;
        Comment = comment;
    }

    public static IReadOnlyList<AdkarElement> Elements { get; } = Enum.GetValues<AdkarElement>();

    public GuardedText? Comment { get; }

    public AdkarScore this[AdkarElement element] => _scores[(int)element];

    /// <summary>The barrier point: the first element in A-D-K-A-R order scored 3 or lower; none when all are 4 or 5.</summary>
    public AdkarElement? BarrierPoint => Elements.Cast<AdkarElement?>().FirstOrDefault(e => this[e!.Value].IsBarrier);

    public static AdkarAnswer Create(IReadOnlyList<AdkarScore> scores, GuardedText? comment)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count != Elements.Count)
        {
            throw new DomainException(Problem.AdkarAllFiveScored());
        }

        return new([.. scores], GuardedText.Optional(comment, AdkarRounds.Comment, MaxCommentLength));
    }

    /// <summary>What a closed anonymous wave keeps of the answer: its scores, never the comment (which is never shown).</summary>
    public static AdkarAnswer Sealed(AdkarAnswer answer, bool shown)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new([.. answer._scores], null);
    }

    public GuardedText? TextOf(FreeText field) => field == AdkarRounds.Comment ? Comment : null;

    public AdkarAnswer WithoutPatientDetails(FreeText field) => field == AdkarRounds.Comment
        ? new([.. _scores], RemovedText.Marker)
        : throw new ArgumentOutOfRangeException(nameof(field), field, "Not an ADKAR answer's field.");

    /// <summary>Rebuilds a stored answer (checked when it was given).</summary>
    public static AdkarAnswer Restore(IReadOnlyList<AdkarScore> scores, GuardedText? comment) => new([.. scores], comment);

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
