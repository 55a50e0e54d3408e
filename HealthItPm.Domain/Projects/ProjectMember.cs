using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Projects;

/// <summary>A person on a project: identified by object id; the display name is only for cards.</summary>
public sealed record ProjectMember
{
    public const int MaxNameLength = 100;
    public const int MaxDepartmentLength = 60;

    public ProjectMember(PersonId person, string displayName, ProjectRole role, StakeholderRole discipline, GuardedText? department)
    {
        Person = person;
        DisplayName = Text.Required(displayName, ProjectFreeText.PersonName, MaxNameLength);
        Role = role;
        Discipline = discipline;
        Department = GuardedText.Optional(department, ProjectFreeText.Department, MaxDepartmentLength);
    }

    public PersonId Person { get; }

    public string DisplayName { get; }

    public ProjectRole Role { get; }

    public StakeholderRole Discipline { get; }

    public GuardedText? Department { get; }
}
