using System.Globalization;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Bot.Cards;

/// <summary>
/// Numbers and dates as the project cards show them, in one place so every card agrees: in the current
/// culture (the reader's), with the patterns and words of ProjectCards.resx.
/// </summary>
public static class CardFormat
{
    private static TextResource Texts => CardTexts.Labels;

    /// <summary>
    /// An amount in the reader's format. Amounts people entered (budget, spend) keep their cents;
    /// computed ones (planned and earned value, forecasts) are shown to the whole unit, as a PM would round them.
    /// </summary>
    public static string Money(decimal amount, MoneyFormat money, bool entered = false)
    {
        ArgumentNullException.ThrowIfNull(money);
        return money.Format(entered ? decimal.Round(amount, 2) : decimal.Round(amount));
    }

    public static string Index(Ratio ratio) => ratio.Value is { } value ? Texts.Format("Format_Index", value) : NotAvailable(ratio);

    /// <summary>A forecast (EAC) to the whole unit: cents would claim a precision it does not have.</summary>
    public static string MoneyForecast(Ratio ratio, MoneyFormat money) =>
        ratio.Value is { } value ? Money(value, money) : NotAvailable(ratio);

    public static string Percent(Ratio ratio) => ratio.Value is { } value ? Percent(value) : NotAvailable(ratio);

    /// <summary>A share (0.25) as a whole percentage ("25%").</summary>
    public static string Percent(decimal share) => Texts.Format("Format_Percent", share);

    private static string NotAvailable(Ratio ratio) => Texts.Format("Format_NotAvailable", ReasonText.Of(ratio.UndefinedBecause!.Value));

    public static string Date(DateOnly date) => date.ToString(Texts["Format_Date"], CultureInfo.CurrentCulture);

    public static string Number(decimal value) => Texts.Format("Format_Number", value);

    public static string Days(int days) => ReasonText.Days(days, CultureInfo.CurrentCulture);

    /// <summary>How long ago something happened, as people say it: "just now", "5 min ago", "3 h 20 min ago", "2 days ago".</summary>
    public static string Ago(TimeSpan elapsed) => elapsed switch
    {
        { TotalMinutes: < 1 } => Texts["Ago_JustNow"],
        { TotalHours: < 1 } => Texts.Format("Ago_Minutes", (int)elapsed.TotalMinutes),
        { TotalDays: < 1 } => elapsed.Minutes > 0
            ? Texts.Format("Ago_HoursMinutes", (int)elapsed.TotalHours, elapsed.Minutes)
            : Texts.Format("Ago_Hours", (int)elapsed.TotalHours),
        _ => Texts.Format("Ago_Days", Days((int)elapsed.TotalDays)),
    };

    public static string GoLive(ProjectSchedule schedule, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return GoLive(schedule.GoLive, today);
    }

    /// <summary>Days to go-live as every card words them, counted from the project's own today.</summary>
    public static string GoLive(DateOnly goLive, DateOnly today)
    {
        var days = goLive.DayNumber - today.DayNumber;
        return days switch
        {
            0 => Texts.Format("GoLive_Today", Date(goLive)),
            > 0 => Texts.Format("GoLive_In", Days(days), Date(goLive)),
            _ => Texts.Format("GoLive_Since", Date(goLive)),
        };
    }

    /// <summary>
    /// A round as people name it: the day it opened where the project is ("Sun 6 Dec" for Sunday evening in
    /// Chicago, although the round's id, in UTC, says Monday), as the project's milestones and phases are dated.
    /// </summary>
    public static string RoundDay(DateTimeOffset openedAt, string? timeZone) =>
        ProjectCalendar.LocalTime(openedAt, timeZone).ToString(Texts["Format_Day"], CultureInfo.CurrentCulture);

    /// <summary>
    /// Rounds named one per row (a trend): by <see cref="RoundDay"/>, and by day and time ("Sun 6 Dec, 20:00") where
    /// two opened on the same day there, so that no two rows read alike.
    /// </summary>
    public static IReadOnlyList<string> RoundDays(IReadOnlyList<DateTimeOffset> openedAt, string? timeZone)
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

    private static DateTime Minute(DateTimeOffset at) => new(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, DateTimeKind.Unspecified);
}
