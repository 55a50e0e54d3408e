using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Tests.CheckIns;

public class CheckInScheduleTests
{
    private static CheckInSchedule Weekly(DayOfWeek day, int hour, int minute = 0, string zone = "America/Chicago") =>
        new(day, new TimeOnly(hour, minute), zone, TimeSpan.FromHours(24), TimeSpan.FromHours(48), false, Audience.Everyone);

    [Fact]
    public void Tuesday_ten_oclock_in_chicago_is_15_00_utc_in_summer_and_16_00_in_winter()
    {
        var schedule = Weekly(DayOfWeek.Tuesday, 10);

        Assert.Equal(
            new DateTimeOffset(2026, 7, 7, 15, 0, 0, TimeSpan.Zero),
            schedule.NextAfter(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(
            new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero),
            schedule.NextAfter(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void The_week_daylight_saving_ends_keeps_local_time()
    {
        // US DST ends Sunday 2026-11-01. Monday 08:00 Chicago: 13:00 UTC on Oct 26, 14:00 UTC on Nov 2.
        var schedule = Weekly(DayOfWeek.Monday, 8);

        var before = schedule.NextAfter(new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.Zero))!.Value;
        var after = schedule.NextAfter(before)!.Value;

        Assert.Equal(new DateTimeOffset(2026, 10, 26, 13, 0, 0, TimeSpan.Zero), before);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 14, 0, 0, TimeSpan.Zero), after);
        Assert.Equal(TimeSpan.FromHours(169), after - before);
    }

    [Fact]
    public void A_time_skipped_by_the_spring_change_fires_at_the_next_valid_instant()
    {
        // Sunday 2026-03-08 02:30 does not exist in Chicago (02:00 -> 03:00 CDT).
        var schedule = Weekly(DayOfWeek.Sunday, 2, 30);

        var next = schedule.NextAfter(new DateTimeOffset(2026, 3, 7, 0, 0, 0, TimeSpan.Zero))!.Value;

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 8, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void A_time_repeated_by_the_autumn_change_fires_once()
    {
        // Sunday 2026-11-01 01:30 happens twice in Chicago.
        var schedule = Weekly(DayOfWeek.Sunday, 1, 30);

        var first = schedule.NextAfter(new DateTimeOffset(2026, 10, 31, 0, 0, 0, TimeSpan.Zero))!.Value;
        var second = schedule.NextAfter(first)!.Value;

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 6, 30, 0, TimeSpan.Zero), first);
        Assert.Equal(new DateTimeOffset(2026, 11, 8, 7, 30, 0, TimeSpan.Zero), second);
    }

    [Fact]
    public void After_three_missed_weeks_only_the_latest_occurrence_is_due()
    {
        var schedule = Weekly(DayOfWeek.Tuesday, 10);
        var lastFired = new DateTimeOffset(2026, 11, 3, 16, 0, 0, TimeSpan.Zero);

        var due = schedule.Due(lastFired, new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero), due);
        Assert.Null(schedule.Due(due!.Value, new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Nothing_is_due_before_the_first_occurrence_and_the_occurrence_itself_is_due()
    {
        var schedule = Weekly(DayOfWeek.Tuesday, 10);
        var created = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

        Assert.Null(schedule.Due(created, new DateTimeOffset(2026, 12, 1, 15, 59, 0, TimeSpan.Zero)));
        Assert.Equal(
            new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero),
            schedule.Due(created, new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero)));
        Assert.Null(schedule.Due(created, created));
    }

    [Theory]
    [InlineData(0, 48)]
    [InlineData(24, 24)]
    [InlineData(24, 200)]
    public void Reminder_and_deadline_must_be_in_order_and_within_a_week(int remind, int close) =>
        Assert.Throws<DomainException>(() => new CheckInSchedule(
            DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", TimeSpan.FromHours(remind), TimeSpan.FromHours(close), false, Audience.Everyone));

    [Fact]
    public void An_unknown_time_zone_is_refused() =>
        Assert.Throws<DomainException>(() => Weekly(DayOfWeek.Monday, 9, zone: "Chicago"));
}
