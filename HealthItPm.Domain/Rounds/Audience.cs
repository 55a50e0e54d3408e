using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Rounds;

/// <summary>
/// Who a round goes to: the stakeholders delivering the change — not leaders, and not the project's
/// PMs unless <paramref name="ProjectManagers"/> (a PM answering her own check-in would count as one of
/// the team: one nurse's answer would read as half of it) — optionally only some disciplines or departments. A round
/// sent to named people (<paramref name="People"/>, a go/no-go panel) goes to exactly those still on the project, whatever
/// their role.
/// </summary>
public sealed record Audience(
    IReadOnlySet<StakeholderRole> Disciplines,
    IReadOnlySet<string> Departments,
    bool ProjectManagers = false,
    IReadOnlySet<PersonId>? People = null)
{
    /// <summary>Every stakeholder (the project's PMs not included).</summary>
    public static Audience Everyone { get; } = new(new HashSet<StakeholderRole>(), new HashSet<string>(StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// The people the round goes to. An anonymous round never goes to the project's PMs, whatever
    /// <see cref="ProjectManagers"/> says: they read its results, and a reader who knows their own answer would
    /// need one fewer other person to single someone out.
    /// </summary>
    public IReadOnlyList<Respondent> Select(Project project, bool anonymous = false)
    {
        ArgumentNullException.ThrowIfNull(project);
        var withPms = ProjectManagers && !anonymous;
        if (People is not null)
        {
            return [.. project.Members.Where(m => People.Contains(m.Person))
                .Select(m => new Respondent(m.Person, m.DisplayName, m.Discipline, m.Department))];
        }

        return [.. project.Members
            .Where(m => m.Role != ProjectRole.Leader && (withPms || m.Role != ProjectRole.ProjectManager))
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
