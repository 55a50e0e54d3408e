namespace HealthItPm.Domain.Projects;

/// <summary>
/// The one "today" of a project: the date in its time zone. Every day count the bot shows (days to
/// go-live, days late, earned value as of today) starts from it, so the status card and the project
/// list never disagree about what day it is.
/// </summary>
public static class ProjectCalendar
{
    public static DateOnly Today(TimeProvider clock, string? timeZone)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        return TimeZoneInfo.TryFindSystemTimeZoneById(timeZone ?? string.Empty, out var zone)
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime)
            : DateOnly.FromDateTime(now.UtcDateTime);
    }

    /// <summary>Today where the listed project is.</summary>
    public static DateOnly Today(TimeProvider clock, Ports.ProjectSummary project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return Today(clock, project.TimeZone);
    }
}
