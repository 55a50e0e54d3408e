using HealthItPm.Domain.Privacy;

namespace HealthItPm.Domain.Projects;

/// <summary>Who counts as staff, not patients, in a project's free text.</summary>
public static class ProjectStaff
{
    /// <summary>The context a project's free text is checked in: everyone on the project is staff, so are the hospital's domains.</summary>
    public static PhiContext For(this StaffDomains staff, Project project)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(project);
        return staff.With(project.Members.Select(m => m.DisplayName));
    }
}
