using System.Globalization;
using HealthItPm.Bot.Cards.Projects;
using HealthItPm.Domain.CheckIns;

namespace HealthItPm.Bot.Cards.CheckIns;

/// <summary>How check-in values read on cards.</summary>
public static class CheckInFormat
{
    private static TextResource Texts => CardTexts.CheckIns;

    public static string Status(CheckInStatus status) => Texts[$"Status_{(Enum.IsDefined(status) ? status : CheckInStatus.Blocked)}"];

    /// <summary>A round as people name it: the day it opened ("Mon 30 Nov"), in UTC like the round's id.</summary>
    public static string Day(DateTimeOffset openedAt) => openedAt.ToUniversalTime().ToString(Texts["Format_Day"], CultureInfo.CurrentCulture);

    public static string Percent(decimal share) => ProjectFormat.Percent(share);

    /// <summary>An average score of 1 to 5, to one decimal.</summary>
    public static string Average(decimal average) => Texts.Format("Format_Average", average);
}
