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

    /// <summary>Deadlines are shown in UTC with the date: the card cannot know the reader's zone, and Teams does not convert text.</summary>
    public static string Deadline(DateTimeOffset closesAt) => closesAt.ToUniversalTime().ToString("ddd d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Percent(decimal share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
