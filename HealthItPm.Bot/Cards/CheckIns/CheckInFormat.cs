using System.Globalization;
using HealthItPm.Domain.CheckIns;

namespace HealthItPm.Bot.Cards.CheckIns;

/// <summary>How check-in values read on cards.</summary>
public static class CheckInFormat
{
    public static string Status(CheckInStatus status) => status switch
    {
        CheckInStatus.OnTrack => "On track",
        CheckInStatus.SomeConcerns => "Some concerns",
        _ => "Blocked",
    };

    /// <summary>A round as people name it: the day it opened ("Mon 30 Nov"), in UTC like the round's id.</summary>
    public static string Day(DateTimeOffset openedAt) => openedAt.ToUniversalTime().ToString("ddd d MMM", CultureInfo.InvariantCulture);

    public static string Percent(decimal share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
