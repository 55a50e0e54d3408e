using HealthItPm.Domain.Common;
using HealthItPm.Domain.Digests;

namespace HealthItPm.Domain.Tests.Digests;

/// <summary>Monday 07:00 in the leader's own zone, across daylight-saving changes, once a week.</summary>
public class DigestScheduleTests
{
    private static DigestSubscription Subscription(string zone, IsoWeek? last = null) =>
        new(
            new TenantId("4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f"),
            new PersonId("33333333-3333-3333-3333-333333333333"),
            true,
            [],
            DayOfWeek.Monday,
            7,
            zone,
            last);

    [Theory]
    // America/Chicago: autumn change Sunday 1 November 2026, spring change Sunday 14 March 2027.
    [InlineData("America/Chicago", "2026-10-26T12:00:00Z", "2026-W44")]
    [InlineData("America/Chicago", "2026-11-02T13:00:00Z", "2026-W45")]
    [InlineData("America/Chicago", "2027-03-08T13:00:00Z", "2027-W10")]
    [InlineData("America/Chicago", "2027-03-15T12:00:00Z", "2027-W11")]
    // Europe/London: autumn change Sunday 25 October 2026, spring change Sunday 28 March 2027.
    [InlineData("Europe/London", "2026-10-19T06:00:00Z", "2026-W43")]
    [InlineData("Europe/London", "2026-10-26T07:00:00Z", "2026-W44")]
    [InlineData("Europe/London", "2027-03-29T06:00:00Z", "2027-W13")]
    public void Monday_seven_oclock_local_stays_seven_oclock_across_daylight_saving(string zone, string due, string week)
    {
        var at = DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture);
        var subscription = Subscription(zone);

        Assert.Null(subscription.DueWeek(at.AddMinutes(-1)));
        Assert.Equal(week, subscription.DueWeek(at)?.ToString());
        Assert.Equal(week, subscription.WeekOf(at.AddHours(5)).ToString());
        Assert.Equal(at, subscription.OccurrenceIn(subscription.WeekOf(at.AddHours(5))));
        Assert.Null(Subscription(zone, IsoWeek.Of(DateOnly.FromDateTime(at.UtcDateTime))).DueWeek(at.AddHours(1)));
    }

    [Fact]
    public void A_digest_missed_for_more_than_a_day_is_not_sent_late()
    {
        var monday = new DateTimeOffset(2026, 11, 30, 13, 0, 0, TimeSpan.Zero);

        Assert.Equal("2026-W49", Subscription("America/Chicago").DueWeek(monday.AddHours(23))?.ToString());
        Assert.Null(Subscription("America/Chicago").DueWeek(monday.AddHours(25)));
    }

    [Fact]
    public void An_unknown_zone_counts_in_utc()
    {
        var monday = new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);

        Assert.Equal("2026-W49", Subscription("Mars/Olympus").DueWeek(monday)?.ToString());
    }

    [Theory]
    [InlineData("monday", "7", DayOfWeek.Monday, 7)]
    [InlineData(" Friday ", "16", DayOfWeek.Friday, 16)]
    public void Day_and_hour_are_read_as_people_type_them(string day, string hour, DayOfWeek expectedDay, int expectedHour) =>
        Assert.Equal((expectedDay, expectedHour), DigestSchedule.Validate(day, hour));

    [Theory]
    [InlineData("Someday", "7", DigestProblem.DigestPickDay)]
    [InlineData("3", "7", DigestProblem.DigestPickDay)]
    [InlineData("Monday", "24", DigestProblem.DigestPickHour)]
    [InlineData("Monday", "", DigestProblem.DigestPickHour)]
    public void A_wrong_day_or_hour_says_what_to_pick(string day, string hour, DigestProblem problem) =>
        Assert.Equal(problem, Assert.Throws<DomainException>(() => DigestSchedule.Validate(day, hour)).Problem.Code);

    [Fact]
    public void Iso_weeks_read_and_step_across_the_year()
    {
        Assert.True(IsoWeek.TryParse("2026-W53", out var last));
        Assert.Equal("2027-W01", last.Next.ToString());
        Assert.Equal(new DateOnly(2026, 12, 28), last.Monday);
        Assert.False(IsoWeek.TryParse("2027-W53", out _));
        Assert.Equal("2026-W53", IsoWeek.Of(new DateOnly(2027, 1, 3)).ToString());
    }
}
