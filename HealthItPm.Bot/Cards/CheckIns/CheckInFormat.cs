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

    public static string Percent(decimal share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
