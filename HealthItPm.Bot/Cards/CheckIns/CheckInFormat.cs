using System.Globalization;
using HealthItPm.Bot.Cards.Projects;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Bot.Cards.CheckIns;

/// <summary>How check-in values read on cards.</summary>
public static class CheckInFormat
{
    private static TextResource Texts => CardTexts.CheckIns;

    public static string Status(CheckInStatus status) => Texts[$"Status_{(Enum.IsDefined(status) ? status : CheckInStatus.Blocked)}"];

    /// <summary>
    /// A round as people name it: the day it opened where the project is ("Sun 6 Dec" for Sunday evening in
    /// Chicago, although the round's id, in UTC, says Monday), as the project's milestones and phases are dated.
    /// </summary>
    public static string Day(DateTimeOffset openedAt, string? timeZone) =>
        ProjectCalendar.LocalTime(openedAt, timeZone).ToString(Texts["Format_Day"], CultureInfo.CurrentCulture);

    /// <summary>
    /// Rounds named one per row (a trend): by <see cref="Day"/>, and by day and time ("Sun 6 Dec, 20:00") where
    /// two opened on the same day there, so that no two rows read alike.
    /// </summary>
    public static IReadOnlyList<string> Days(IReadOnlyList<DateTimeOffset> openedAt, string? timeZone)
    {
        ArgumentNullException.ThrowIfNull(openedAt);
        var local = openedAt.Select(at => ProjectCalendar.LocalTime(at, timeZone)).ToList();
        var sameDay = local.GroupBy(at => at.Date).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();

        // A round sent again within the minute is told apart by its second.
        var sameMinute = local.GroupBy(Minute).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return [.. local.Select(at => at.ToString(
            Texts[sameMinute.Contains(Minute(at)) ? "Format_DayTimeSeconds" : sameDay.Contains(at.Date) ? "Format_DayTime" : "Format_Day"],
            CultureInfo.CurrentCulture))];
    }

    public static string Percent(decimal share) => ProjectFormat.Percent(share);

    private static DateTime Minute(DateTimeOffset at) => new(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, DateTimeKind.Unspecified);

    /// <summary>An average score of 1 to 5, to one decimal.</summary>
    public static string Average(decimal average) => Texts.Format("Format_Average", average);
}
