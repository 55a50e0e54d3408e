using HealthItPm.Domain.Rounds;

namespace HealthItPm.Domain.Readiness;

/// <summary>One element across a wave's respondents: mean and median score, and how many gave each score (index 0 is score 1).</summary>
public sealed record ElementResult(AdkarElement Element, decimal Mean, decimal Median, IReadOnlyList<int> Distribution);

/// <summary>
/// A group's profile (a discipline, a department, or <see cref="Other"/> for merged small groups): its size, element means and
/// barrier points. <paramref name="Group"/> is null for the respondents with no department: the card words it.
/// </summary>
public sealed record GroupProfile(
    string? Group,
    int Respondents,
    IReadOnlyList<decimal> Means,
    IReadOnlyDictionary<AdkarElement, int> BarrierPoints,
    int WithoutBarrier,
    int MergedGroups = 0)
{
    public const string Other = AnswerGroups.Other;
}

/// <summary>
/// Group profiles shown for one way of grouping: only groups of at least <see cref="AdkarResults.MinimumGroupSize"/>.
/// Smaller groups are merged into "other"; when they add up to fewer than that, the smallest shown groups join
/// them until "other" is large enough, so that no group can be worked out by subtracting the shown groups from
/// the totals. The counts say what was merged and hidden so the card can say so. <paramref name="Withheld"/>:
/// the grouping is not shown at all, because together with another grouping it could single people out.
/// </summary>
public sealed record GroupBreakdown(IReadOnlyList<GroupProfile> Shown, int SmallGroupsMerged, int HiddenRespondents, bool Withheld = false)
{
    public static GroupBreakdown None { get; } = new([], 0, 0);

    public bool AnythingMerged => SmallGroupsMerged > 0;
}

/// <summary>
/// The change from the previous wave: element mean deltas (in score points) and barrier-point share deltas (as fractions), current minus
/// previous.
/// </summary>
public sealed record WaveDelta(
    string? PreviousWave,
    IReadOnlyList<decimal> MeanDeltas,
    IReadOnlyDictionary<AdkarElement, decimal> BarrierShareDeltas,
    decimal WithoutBarrierShareDelta);

/// <summary>
/// What the PM sees of a wave: response rate; per element the mean, median and 1–5 distribution; the
/// barrier-point distribution; group profiles by discipline and department; change from the previous
/// wave; the dominant barrier and its interventions.
/// <para>
/// The anonymity rule, in one place: of an anonymous wave nothing but the number of answers is shown while it
/// is open, and once it has closed only figures over at least <see cref="MinimumGroupSize"/> answers, with no
/// group that subtraction could reveal (<see cref="Round.FiguresWithheld"/>). <see cref="Withheld"/> says when the figures are empty for
/// that reason.
/// </para>
/// </summary>
public sealed record AdkarResults(
    string WaveId,
    string? WaveName,
    DateTimeOffset OpenedAt,
    DateTimeOffset ClosesAt,
    bool Open,
    bool Anonymous,
    int AudienceCount,
    int AnsweredCount,
    IReadOnlyList<ElementResult> Elements,
    IReadOnlyDictionary<AdkarElement, int> BarrierPoints,
    int WithoutBarrier,
    GroupBreakdown ByDiscipline,
    GroupBreakdown ByDepartment,
    WaveDelta? Change,
    AdkarElement? DominantBarrier,
    IReadOnlyList<Intervention> Interventions,
    ResultsWithheld? Withheld = null)
{
    /// <summary>Aggregates are shown only for groups of at least this many respondents.</summary>
    public const int MinimumGroupSize = AnswerGroups.MinimumSize;

    public decimal ResponseRate => AudienceCount == 0 ? 0 : Share(AnsweredCount, AudienceCount);

    /// <summary>Share of respondents with no barrier (every element 4 or 5).</summary>
    public decimal WithoutBarrierShare => Share(WithoutBarrier, AnsweredCount);

    public decimal BarrierShare(AdkarElement element) => Share(BarrierPoints.GetValueOrDefault(element), AnsweredCount);

    /// <summary>Summarises a wave's answers, against the previous wave's results when there was one.</summary>
    public static AdkarResults From(
        Round wave,
        IReadOnlyList<GivenAnswer<AdkarAnswer>> answers,
        DateTimeOffset now,
        AdkarResults? previous = null)
    {
        ArgumentNullException.ThrowIfNull(wave);
        ArgumentNullException.ThrowIfNull(answers);
        var counted = wave.Counted(answers);
        if (wave.FiguresWithheld(counted.Count, now) is { } withheld)
        {
            return new AdkarResults(
                wave.Id, wave.Name, wave.OpensAt, wave.ClosesAt, wave.IsOpen(now), wave.Anonymous, wave.Audience.Count, counted.Count,
                [], new Dictionary<AdkarElement, int>(), 0, GroupBreakdown.None, GroupBreakdown.None, null, null, [], withheld);
        }

        var scores = counted.Select(a => a.Answer).ToList();
        var barriers = BarrierPointsOf(scores);
        var withoutBarrier = scores.Count(a => a.BarrierPoint is null);
        var dominant = Dominant(barriers);
        var byDepartment = Groups(counted, a => a.Department);

        // Two groupings of the same people can single someone out (a department minus the discipline that is
        // all of it but one person), so an anonymous wave shows one: by department, else (when departments
        // are one group of everyone, which tells nothing) by discipline.
        var byDiscipline = wave.Anonymous && byDepartment.Shown.Count > 1
            ? GroupBreakdown.None with { Withheld = true }
            : Groups(counted, a => a.Discipline.ToString());
        var results = new AdkarResults(
            wave.Id,
            wave.Name,
            wave.OpensAt,
            wave.ClosesAt,
            wave.IsOpen(now),
            wave.Anonymous,
            wave.Audience.Count,
            counted.Count,
            [.. AdkarAnswer.Elements.Select(e => ElementOf(e, scores))],
            barriers,
            withoutBarrier,
            byDiscipline,
            byDepartment,
            null,
            dominant,
            dominant is { } d ? AdkarInterventions.For(d) : []);
        return previous is null || previous.AnsweredCount == 0 || previous.Withheld is not null || counted.Count == 0
            ? results
            : results with { Change = DeltaFrom(results, previous) };
    }

    /// <summary>
    /// The dominant barrier: the most frequent barrier point. A tie goes to the earliest element in
    /// A-D-K-A-R order (a person cannot get past an earlier barrier, so it is the one to work on first).
    /// None when nobody has a barrier.
    /// </summary>
    public static AdkarElement? Dominant(IReadOnlyDictionary<AdkarElement, int> barrierPoints)
    {
        ArgumentNullException.ThrowIfNull(barrierPoints);
        var most = AdkarAnswer.Elements.Max(e => barrierPoints.GetValueOrDefault(e));
        return most == 0 ? null : AdkarAnswer.Elements.First(e => barrierPoints.GetValueOrDefault(e) == most);
    }

    private static Dictionary<AdkarElement, int> BarrierPointsOf(IReadOnlyCollection<AdkarAnswer> answers) =>
        AdkarAnswer.Elements.ToDictionary(e => e, e => answers.Count(a => a.BarrierPoint == e));

    private static ElementResult ElementOf(AdkarElement element, IReadOnlyList<AdkarAnswer> answers)
    {
        var values = answers.Select(a => a[element].Value).Order().ToList();
        var distribution = Enumerable.Range(1, 5).Select(score => values.Count(v => v == score)).ToList();
        if (values.Count == 0)
        {
            return new ElementResult(element, 0, 0, distribution);
        }

        var middle = values.Count / 2;
        var median = values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2m;
        return new ElementResult(element, Round2((decimal)values.Sum() / values.Count), median, distribution);
    }

    private static IReadOnlyList<decimal> MeansOf(List<AdkarAnswer> answers) =>
        [.. AdkarAnswer.Elements.Select(e => answers.Count == 0 ? 0 : Round2((decimal)answers.Sum(a => a[e].Value) / answers.Count))];

    private static GroupBreakdown Groups(IReadOnlyList<GivenAnswer<AdkarAnswer>> answers, Func<GivenAnswer<AdkarAnswer>, string?> groupOf)
    {
        var (large, merged) = AnswerGroups.Split(answers, groupOf);
        var shown = large.Select(g => Profile(g.Key, [.. g.Select(a => a.Answer)], 0)).ToList();
        var other = merged.SelectMany(g => g).Select(a => a.Answer).ToList();

        // Answers of a sealed round already labelled "other" were merged from groups no longer known (0: not counted).
        var known = merged.Count(g => !AnswerGroups.IsOther(g.Key));
        if (other.Count >= MinimumGroupSize)
        {
            shown.Add(Profile(GroupProfile.Other, other, known == merged.Count ? known : 0));
            return new GroupBreakdown(shown, merged.Count, 0);
        }

        return new GroupBreakdown(shown, merged.Count, other.Count);
    }

    private static GroupProfile Profile(string? group, List<AdkarAnswer> answers, int merged) =>
        new(group, answers.Count, MeansOf(answers), BarrierPointsOf(answers), answers.Count(a => a.BarrierPoint is null), merged);

    private static WaveDelta DeltaFrom(AdkarResults current, AdkarResults previous) => new(
        previous.WaveName ?? previous.WaveId,
        [.. AdkarAnswer.Elements.Select(e => current.Elements[(int)e].Mean - previous.Elements[(int)e].Mean)],
        AdkarAnswer.Elements.ToDictionary(e => e, e => current.BarrierShare(e) - previous.BarrierShare(e)),
        current.WithoutBarrierShare - previous.WithoutBarrierShare);

    private static decimal Share(int part, int whole) =>
        whole == 0 ? 0 : decimal.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);

    private static decimal Round2(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);
}
