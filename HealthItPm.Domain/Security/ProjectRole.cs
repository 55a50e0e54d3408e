namespace HealthItPm.Domain.Security;

/// <summary>What a person is on one project; the same person can hold different roles on different projects.</summary>
public enum ProjectRole
{
    Stakeholder,
    Leader,
    ProjectManager,
}
