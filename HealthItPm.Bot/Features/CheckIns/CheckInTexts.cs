using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Messaging;

namespace HealthItPm.Bot.Features.CheckIns;

/// <summary>Where this feature's words come from: CheckInCards.resx, for its cards and its commands' forms, replies and help.</summary>
internal static class CheckInTexts
{
    public static TextResource Cards { get; } = new(typeof(CheckInCards));

    public static Wording Commands { get; } = new(typeof(CheckInCards));
}
