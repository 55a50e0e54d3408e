using HealthItPm.Domain.Projects;

namespace HealthItPm.Domain.Rounds;

/// <summary>
/// Who a round goes to: the people delivering the change — stakeholders and project managers (a
/// PM's own status and blockers belong in the summary too), not leaders — optionally only some
/// disciplines or departments.
/// </summary>
public sealed record Audience(IReadOnlySet<StakeholderRole> Disciplines, IReadOnlySet<string> Departments)
{
    public static Audience Everyone { get; } = new(new HashSet<StakeholderRole>(), new HashSet<string>(StringComparer.OrdinalIgnoreCase));

    public IReadOnlyList<Respondent> Select(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return [.. project.Members
            .Where(m => m.Role != ProjectRole.Leader)
            .Where(m => Disciplines.Count == 0 || Disciplines.Contains(m.Discipline))
            .Where(m => Departments.Count == 0 || (m.Department is not null && Departments.Contains(m.Department)))
            .Select(m => new Respondent(m.Person, m.DisplayName, m.Discipline, m.Department))];
    }
}

/// <summary>A round's settings when a PM starts one by hand; <paramref name="Name"/> names a wave.</summary>
public sealed record RoundSettings(TimeSpan RemindAfter, TimeSpan CloseAfter, bool Anonymous, Audience Audience, string? Name = null)
{
    public static RoundSettings Default { get; } = new(TimeSpan.FromHours(24), TimeSpan.FromHours(48), false, Audience.Everyone);
}
