using HealthItPm.Bot.Cards;

namespace HealthItPm.Bot.Features.CheckIns;

/// <summary>Where this feature's words come from: the check-in cards (the commands' replies are the rounds' shared texts).</summary>
internal static class CheckInTexts
{
    public static TextResource Cards { get; } = new(typeof(CheckInCards));
}
