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
        return DateOf(clock.GetUtcNow(), timeZone);
    }

    /// <summary>The date a moment falls on in the project's time zone (e.g. the day it changed phase).</summary>
    public static DateOnly DateOf(DateTimeOffset at, string? timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone ?? string.Empty, out var zone)
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime)
            : DateOnly.FromDateTime(at.UtcDateTime);

    /// <summary>
    /// The moment as the project's clocks show it (in UTC when the zone is unknown): the day and hour a round opened there.
    /// </summary>
    public static DateTimeOffset LocalTime(DateTimeOffset at, string? timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone ?? string.Empty, out var zone)
            ? TimeZoneInfo.ConvertTime(at, zone)
            : at.ToUniversalTime();

    /// <summary>Today where the listed project is.</summary>
    public static DateOnly Today(TimeProvider clock, ProjectSummary project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return Today(clock, project.TimeZone);
    }
}
