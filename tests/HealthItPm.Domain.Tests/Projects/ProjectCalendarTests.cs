using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using Microsoft.Extensions.Time.Testing;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.Projects;

public class ProjectCalendarTests
{
    // 03:00 UTC on the 26th is still the evening of the 25th in Chicago.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Today_is_the_date_in_the_projects_time_zone_not_in_utc()
    {
        Assert.Equal(new DateOnly(2026, 11, 25), ProjectCalendar.Today(_clock, "America/Chicago"));
        Assert.Equal(new DateOnly(2026, 11, 26), ProjectCalendar.Today(_clock, "Europe/Berlin"));
    }

    [Fact]
    public void A_listed_project_counts_from_the_same_today_as_the_project_itself()
    {
        var listed = new ProjectSummary(
            new ProjectCode("EHR"),
            Guarded.From("Epic EHR go-live"),
            ProjectKind.Ehr,
            ProjectPhase.Build,
            new DateOnly(2027, 2, 25),
            TimeZone: "America/Chicago");

        Assert.Equal(ProjectCalendar.Today(_clock, "America/Chicago"), ProjectCalendar.Today(_clock, listed));
    }

    [Fact]
    public void A_project_listed_without_its_zone_counts_in_utc()
    {
        var listed = new ProjectSummary(
            new ProjectCode("EHR"),
            Guarded.From("Epic EHR go-live"),
            ProjectKind.Ehr,
            ProjectPhase.Build,
            new DateOnly(2027, 2, 25));

        Assert.Equal(new DateOnly(2026, 11, 26), ProjectCalendar.Today(_clock, listed));
    }
}
