using HealthItPm.Bot.Cards;

namespace HealthItPm.Bot.Features.Health;

/// <summary>Names HealthCards.resx: the words of the delivery pipeline's health card.</summary>
public static class HealthCards;

/// <summary>Where this feature's words come from.</summary>
internal static class HealthTexts
{
    public static TextResource Cards { get; } = new(typeof(HealthCards));
}
