namespace HealthItPm.Domain.Rounds;

/// <summary>
/// Which groups of a round's answers (departments, or disciplines) may be shown on their own: groups of at least
/// <see cref="MinimumSize"/>; the rest are merged into <see cref="Other"/>, and when those add up to fewer than the
/// minimum the smallest shown groups join them until they do, so that no group is ever the totals minus the shown
/// groups. The one rule for the results cards and for what an anonymous round's answers keep once it closes.
/// </summary>
public static class AnswerGroups
{
    /// <summary>Figures are shown only over at least this many answers.</summary>
    public const int MinimumSize = 5;

    /// <summary>The group that merged groups are shown as (and the label their answers keep once sealed).</summary>
    public const string Other = "other";

    /// <summary>
    /// The groups shown on their own, largest first (equal sizes by name), and the groups merged into
    /// <see cref="Other"/>; answers already labelled <see cref="Other"/> count as merged.
    /// </summary>
    public static (IReadOnlyList<IGrouping<string?, T>> Shown, IReadOnlyList<IGrouping<string?, T>> Merged) Split<T>(
        IEnumerable<T> answers, Func<T, string?> groupOf)
    {
        var large = answers.GroupBy(groupOf, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var merged = new List<IGrouping<string?, T>>();
        void Merge(Func<IGrouping<string?, T>, bool> which)
        {
            merged.AddRange(large.Where(which));
            large.RemoveAll(g => which(g));
        }

        Merge(g => g.Count() < MinimumSize || IsOther(g.Key));

        // Fewer than the minimum in "other" would be the totals minus the shown groups: the smallest shown
        // group joins them until "other" is large enough (or there is no shown group left).
        while (merged.Sum(g => g.Count()) is > 0 and < MinimumSize && large.Count > 0)
        {
            var smallest = large[^1];
            Merge(g => g == smallest);
        }

        return (large, merged);
    }

    public static bool IsOther(string? group) => string.Equals(group, Other, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Why an anonymous round's figures are not shown (<see cref="Round.FiguresWithheld"/>).</summary>
public enum ResultsWithheld
{
    /// <summary>The round is open: each new or changed answer would show as a change in the figures.</summary>
    UntilClosed,

    /// <summary>Fewer than <see cref="AnswerGroups.MinimumSize"/> people answered.</summary>
    TooFewAnswers,
}
