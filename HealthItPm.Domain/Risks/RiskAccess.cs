using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Risks;

/// <summary>Decisions on a risk: the project's, with the risk's owner (while on the project) among those who may change it.</summary>
public static class RiskAccess
{
    /// <summary>An action on a project and the risk acted on (none: decided on the project alone).</summary>
    public static AccessDecision Can(this AccessPolicy access, PersonId person, ProjectAction action, Project project, Risk? risk)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(project);
        var standing = project.StandingOf(person, access.IsAdmin(person));
        return access.Can(person, action, project, standing with { OwnsRisk = standing.Role is not null && risk?.Owner == person });
    }
}
