using Cronos;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Domain.CheckIns;

/// <summary>
/// A recurring check-in: a day of the week and a time in the project's time zone. Occurrences come
/// from Cronos, so a 10:00 check-in stays at 10:00 local time across daylight-saving changes, a time
/// skipped by the spring change fires at the next valid instant, and a repeated hour fires once.
/// </summary>
public sealed record CheckInSchedule
{
    private static readonly TimeSpan LongestOpen = TimeSpan.FromDays(7);

    public CheckInSchedule(
        DayOfWeek day,
        TimeOnly at,
        string timeZone,
        TimeSpan remindAfter,
        TimeSpan closeAfter,
        bool anonymous,
        Audience audience)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
        {
            throw new DomainException(Problem.NotATimeZone(timeZone));
        }

        if (remindAfter <= TimeSpan.Zero || closeAfter <= remindAfter || closeAfter > LongestOpen)
        {
            throw new DomainException(Problem.CheckInTimesOutOfOrder(LongestOpen));
        }

        Day = day;
        At = at;
        TimeZone = timeZone;
        Zone = zone;
        RemindAfter = remindAfter;
        CloseAfter = closeAfter;
        Anonymous = anonymous;
        Audience = audience;
        Cron = CronExpression.Parse(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{at.Minute} {at.Hour} * * {(int)day}"));
    }

    public DayOfWeek Day { get; }

    public TimeOnly At { get; }

    public string TimeZone { get; }

    public TimeSpan RemindAfter { get; }

    public TimeSpan CloseAfter { get; }

    public bool Anonymous { get; }

    public Audience Audience { get; }

    private TimeZoneInfo Zone { get; }

    private CronExpression Cron { get; }

    public DateTimeOffset? NextAfter(DateTimeOffset instant) => Cron.GetNextOccurrence(instant, Zone);

    /// <summary>
    /// The occurrence to fire now, if any: the latest one after <paramref name="lastFired"/> and up to
    /// <paramref name="now"/>. After downtime that spanned several occurrences this is the latest
    /// alone: a missed week is caught up once, not once per missed week.
    /// </summary>
    public DateTimeOffset? Due(DateTimeOffset lastFired, DateTimeOffset now) =>
        now <= lastFired
            ? null
            : Cron.GetOccurrences(lastFired, now, Zone, fromInclusive: false, toInclusive: true).Cast<DateTimeOffset?>().LastOrDefault();
}
