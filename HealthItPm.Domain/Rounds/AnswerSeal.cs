using HealthItPm.Domain.Projects;

namespace HealthItPm.Domain.Rounds;

/// <summary>
/// What an anonymous round's answers keep once it has closed and they are counted: only what the results can
/// show. The department becomes the group it is shown in (its own when large enough, else <see cref="AnswerGroups.Other"/>),
/// the discipline likewise when departments do not split the people and <see cref="StakeholderRole.Other"/> when they do
/// (one grouping only), and every answer's time the round's deadline. So no stored answer stands out by a rare
/// department and discipline, or by when it was given, to be matched with the audience kept with the round.
/// </summary>
public static class AnswerSeal
{
    /// <summary>
    /// The round's answers as they are kept from its close on; an attributed round's stay as they were. <paramref name="keep"/>
    /// is what the kind keeps of an answer's content, told whether the round's figures are shown (at least
    /// <see cref="AnswerGroups.MinimumSize"/> answers): nothing its results never show.
    /// </summary>
    public static IReadOnlyList<GivenAnswer<TAnswer>> Of<TAnswer>(
        Round round,
        IReadOnlyList<GivenAnswer<TAnswer>> answers,
        Func<TAnswer, bool, TAnswer>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(answers);
        if (!round.Anonymous)
        {
            return answers;
        }

        var counted = round.Counted(answers);
        var shown = counted.Count >= AnswerGroups.MinimumSize;
        var byDepartment = AnswerGroups.Split(counted, a => a.Department);
        var departments = shown ? byDepartment.Shown.Select(g => g.Key).ToList() : [];

        // Departments that split the people are the one grouping shown; otherwise disciplines are.
        var departmentsSplit = byDepartment.Shown.Count + (byDepartment.Merged.Sum(g => g.Count()) >= AnswerGroups.MinimumSize ? 1 : 0) > 1;
        var disciplines = shown && !departmentsSplit
            ? AnswerGroups.Split(counted, a => a.Discipline.ToString()).Shown.Select(g => g.Key).ToList()
            : [];
        return [.. counted.Select(a => a with
        {
            Answer = keep is null ? a.Answer : keep(a.Answer, shown),
            Department = departments.Any(d => string.Equals(d, a.Department, StringComparison.OrdinalIgnoreCase))
                ? a.Department
                : AnswerGroups.Other,
            Discipline = disciplines.Contains(a.Discipline.ToString()) ? a.Discipline : StakeholderRole.Other,
            At = round.ClosesAt,
        })];
    }
}
