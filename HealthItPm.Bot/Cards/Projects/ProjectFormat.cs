using System.Globalization;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Bot.Cards.Projects;

/// <summary>Numbers and dates as the project cards show them, in one place so every card agrees.</summary>
public static class ProjectFormat
{
    /// <summary>
    /// An amount in the reader's format. Amounts people entered (budget, spend) keep their cents;
    /// computed ones (planned and earned value, forecasts) are shown to the whole unit, as a PM would round them.
    /// </summary>
    public static string Money(decimal amount, MoneyFormat money, bool entered = false)
    {
        ArgumentNullException.ThrowIfNull(money);
        return money.Format(entered ? decimal.Round(amount, 2) : decimal.Round(amount));
    }

    public static string Index(Ratio ratio) => ratio.Value is { } value
        ? value.ToString("0.00", CultureInfo.InvariantCulture)
        : NotAvailable(ratio);

    /// <summary>A forecast (EAC) to the whole unit: cents would claim a precision it does not have.</summary>
    public static string MoneyForecast(Ratio ratio, MoneyFormat money) => ratio.Value is { } value ? Money(value, money) : NotAvailable(ratio);

    public static string Percent(Ratio ratio) => ratio.Value is { } value
        ? (value * 100).ToString("0", CultureInfo.InvariantCulture) + "%"
        : NotAvailable(ratio);

    private static string NotAvailable(Ratio ratio) => $"n/a ({ReasonText.Of(ratio.UndefinedBecause!.Value)})";

    public static string Date(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Days(int days) => days == 1 ? "1 day" : $"{days} days";

    /// <summary>How long ago something happened, as people say it: "just now", "5 min ago", "3 h 20 min ago", "2 days ago".</summary>
    public static string Ago(TimeSpan elapsed) => elapsed switch
    {
        { TotalMinutes: < 1 } => "just now",
        { TotalHours: < 1 } => $"{(int)elapsed.TotalMinutes} min ago",
        { TotalDays: < 1 } => $"{(int)elapsed.TotalHours} h{(elapsed.Minutes > 0 ? $" {elapsed.Minutes} min" : "")} ago",
        _ => $"{Days((int)elapsed.TotalDays)} ago",
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
            0 => $"go-live today ({Date(goLive)})",
            > 0 => $"go-live in {Days(days)} ({Date(goLive)})",
            _ => $"live since {Date(goLive)}",
        };
    }
}
