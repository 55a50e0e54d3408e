using HealthItPm.Bot.Cards;
using HealthItPm.Domain.CheckIns;

namespace HealthItPm.Bot.Features.CheckIns;

/// <summary>How check-in values read on cards.</summary>
public static class CheckInFormat
{
    private static TextResource Texts => CheckInTexts.Cards;

    public static string Status(CheckInStatus status) => Texts[$"Status_{(Enum.IsDefined(status) ? status : CheckInStatus.Blocked)}"];

    public static string Percent(decimal share) => CardFormat.Percent(share);

    /// <summary>An average score of 1 to 5, to one decimal.</summary>
    public static string Average(decimal average) => Texts.Format("Format_Average", average);
}
