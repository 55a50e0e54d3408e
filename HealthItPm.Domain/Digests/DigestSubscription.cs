using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Digests;

/// <summary>
/// A leader's subscription to the weekly digest: one card a week covering the whole portfolio they lead
/// (<see cref="Portfolio"/>: every project they are a leader on) and/or the projects in
/// <see cref="Projects"/>. It arrives on <see cref="Day"/> at <see cref="Hour"/>:00 in
/// <see cref="TimeZone"/> — the leader's own zone as Teams reports it, the hospital's until Teams has
/// told it. <see cref="LastWeek"/> is the last ISO week it was handed to the delivery pipeline (a mark
/// that saves work; the pipeline's record per leader and week is what makes it once).
/// </summary>
public sealed record DigestSubscription(
    TenantId Tenant,
    PersonId Leader,
    bool Portfolio,
    IReadOnlyList<ProjectCode> Projects,
    DayOfWeek Day,
    int Hour,
    string TimeZone,
    IsoWeek? LastWeek = null)
{
    public const DayOfWeek DefaultDay = DayOfWeek.Monday;

    public const int DefaultHour = 7;

    public static DigestSubscription New(TenantId tenant, PersonId leader, string timeZone) =>
        new(tenant, leader, false, [], DefaultDay, DefaultHour, timeZone);

    public bool IsEmpty => !Portfolio && Projects.Count == 0;

    /// <summary>With one more project (or, for null, the portfolio).</summary>
    public DigestSubscription With(ProjectCode? project) => project is { } code
        ? this with { Projects = [.. Projects.Where(p => p != code), code] }
        : this with { Portfolio = true };

    /// <summary>Without a project (or, for null, without anything).</summary>
    public DigestSubscription Without(ProjectCode? project) => project is { } code
        ? this with { Projects = [.. Projects.Where(p => p != code)] }
        : this with { Portfolio = false, Projects = [] };

    /// <summary>
    /// Whether the digest covers <paramref name="project"/>: named, or led by the leader when the portfolio is subscribed.
    /// </summary>
    public bool Covers(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return Projects.Contains(project.Code) || (Portfolio && project.RoleOf(Leader) == ProjectRole.Leader);
    }

    /// <summary>The ISO week <paramref name="now"/> falls in, in the leader's zone: the week a digest composed now is for.</summary>
    public IsoWeek WeekOf(DateTimeOffset now) =>
        IsoWeek.Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, DigestSchedule.Zone(TimeZone)).DateTime));

    /// <summary>
    /// When the digest of <paramref name="week"/> is due: <see cref="Day"/> of that week at <see cref="Hour"/>:00
    /// local, so 07:00 stays 07:00 across daylight-saving changes (an hour a spring change skips is
    /// taken as the first moment after it). The previous week's is what "since last week" counts from.
    /// </summary>
    public DateTimeOffset OccurrenceIn(IsoWeek week) =>
        DigestSchedule.At(week.Monday.AddDays(((int)Day - (int)DayOfWeek.Monday + 7) % 7), Hour, DigestSchedule.Zone(TimeZone));

    /// <summary>
    /// The week whose digest is due now, or null: due once the local day and hour have come, for up to
    /// a day after (a host down all Monday does not send Monday's digest on Wednesday), and only if it
    /// was not handed over already.
    /// </summary>
    public IsoWeek? DueWeek(DateTimeOffset now)
    {
        var week = WeekOf(now);
        var at = OccurrenceIn(week);
        return now >= at && now - at < TimeSpan.FromDays(1) && (LastWeek is not { } last || last < week) ? week : null;
    }
}

public static class DigestSchedule
{
    public static TimeZoneInfo Zone(string? timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone ?? string.Empty, out var zone) ? zone : TimeZoneInfo.Utc;

    public static bool IsTimeZone(string? timeZone) => TimeZoneInfo.TryFindSystemTimeZoneById(timeZone ?? string.Empty, out _);

    /// <summary>
    /// <paramref name="hour"/>:00 on <paramref name="day"/> in <paramref name="zone"/> as an instant; a skipped hour moves to the first
    /// valid moment after it.
    /// </summary>
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
            throw new DomainException(Problem.DigestPickDay());
        }

        if (!int.TryParse(
            hour?.Trim(),
            System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture,
            out var h)
            || h is < 0 or > 23)
        {
            throw new DomainException(Problem.DigestPickHour());
        }

        return (d, h);
    }
}
