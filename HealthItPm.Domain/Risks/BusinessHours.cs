namespace HealthItPm.Domain.Risks;

/// <summary>
/// Office hours for acknowledgement clocks that should not run overnight or at weekends: Monday to
/// Friday, 08:00 to 17:00 in the project's time zone (daylight saving included).
/// </summary>
public static class BusinessHours
{
    public static readonly TimeOnly Opens = new(8, 0);
    public static readonly TimeOnly Closes = new(17, 0);

    /// <summary>How much of the span from <paramref name="from"/> to <paramref name="to"/> falls in business hours.</summary>
    public static TimeSpan Between(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime);
        for (var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime); day <= last; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            var opens = At(day, Opens, zone);
            var closes = At(day, Closes, zone);
            var start = from > opens ? from : opens;
            var end = to < closes ? to : closes;
            if (end > start)
            {
                total += end - start;
            }
        }

        return total;
    }

    private static DateTimeOffset At(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
