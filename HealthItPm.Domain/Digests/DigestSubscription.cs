using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Domain.Digests;

/// <summary>
/// A leader's subscription to the weekly digest: of one project (<see cref="Project"/>), or of the whole
/// portfolio they lead (null: every project they are a leader on). It arrives on <see cref="Day"/> at
/// <see cref="Hour"/>:00 in <see cref="TimeZone"/> — the leader's own zone as Teams reports it, the
/// hospital's until Teams has told it. <see cref="LastWeek"/> is the last ISO week it was handed to the
/// delivery pipeline (a mark that saves work; the pipeline's record per leader and week is what makes
/// it once).
/// </summary>
public sealed record DigestSubscription(
    TenantId Tenant,
    PersonId Leader,
    string LeaderName,
    ProjectCode? Project,
    DayOfWeek Day,
    int Hour,
    string TimeZone,
    IsoWeek? LastWeek = null)
{
    public const DayOfWeek DefaultDay = DayOfWeek.Monday;

    public const int DefaultHour = 7;

    /// <summary>"portfolio" or the project's code: how the subscription is keyed and named.</summary>
    public string Scope => Project?.Value ?? "portfolio";

    /// <summary>
    /// The latest time the digest was due at or before <paramref name="now"/>: <see cref="Day"/> at
    /// <see cref="Hour"/>:00 local, so 07:00 stays 07:00 across daylight-saving changes (an hour that a
    /// spring change skips is taken as the first moment after it), with the ISO week of that local date.
    /// </summary>
    public (DateTimeOffset At, IsoWeek Week) LatestOccurrence(DateTimeOffset now)
    {
        var zone = DigestSchedule.Zone(TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        for (var back = 0; back <= 7; back++)
        {
            var day = date.AddDays(-back);
            if (day.DayOfWeek != Day)
            {
                continue;
            }

            var at = DigestSchedule.At(day, Hour, zone);
            if (at <= now)
            {
                return (at, IsoWeek.Of(day));
            }
        }

        var earlier = date.AddDays(-7 - (((int)date.DayOfWeek - (int)Day + 7) % 7));
        return (DigestSchedule.At(earlier, Hour, zone), IsoWeek.Of(earlier));
    }

    /// <summary>When the digest before the one due at <paramref name="now"/> was due: what "since last week" counts from.</summary>
    public DateTimeOffset PreviousOccurrence(DateTimeOffset now) => LatestOccurrence(LatestOccurrence(now).At.AddTicks(-1)).At;

    /// <summary>
    /// The week whose digest is due now, or null: due once the local day and hour have come, for up to
    /// a day after (a host down all Monday does not send Monday's digest on Wednesday), and only if it
    /// was not handed over already.
    /// </summary>
    public IsoWeek? DueWeek(DateTimeOffset now)
    {
        var (at, week) = LatestOccurrence(now);
        return now - at < TimeSpan.FromDays(1) && (LastWeek is not { } last || last < week) ? week : null;
    }
}

public static class DigestSchedule
{
    public static TimeZoneInfo Zone(string? timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone ?? string.Empty, out var zone) ? zone : TimeZoneInfo.Utc;

    public static bool IsTimeZone(string? timeZone) => TimeZoneInfo.TryFindSystemTimeZoneById(timeZone ?? string.Empty, out _);

    /// <summary><paramref name="hour"/>:00 on <paramref name="day"/> in <paramref name="zone"/> as an instant; a skipped hour moves to the first valid moment after it.</summary>
    public static DateTimeOffset At(DateOnly day, int hour, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        // In an hour that occurs twice (autumn), the first of the two.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>Checks a digest day and hour as a leader sets them.</summary>
    public static (DayOfWeek Day, int Hour) Validate(string? day, string? hour)
    {
        if (!Enum.TryParse<DayOfWeek>(day?.Trim(), ignoreCase: true, out var d) || !Enum.IsDefined(d) || int.TryParse(day?.Trim(), out _))
        {
            throw new DomainException("Pick a day of the week, e.g. Monday.");
        }

        if (!int.TryParse(hour?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var h) || h is < 0 or > 23)
        {
            throw new DomainException("Pick an hour from 0 to 23, e.g. 7 for 07:00.");
        }

        return (d, h);
    }

    /// <summary>The projects a subscription covers: its one project, or every project the leader is a leader on.</summary>
    public static bool Covers(DigestSubscription subscription, Project project)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(project);
        return subscription.Project is { } code ? code == project.Code : project.RoleOf(subscription.Leader) == ProjectRole.Leader;
    }
}
