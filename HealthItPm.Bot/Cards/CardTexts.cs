using HealthItPm.Bot.Texts;

namespace HealthItPm.Bot.Cards;

/// <summary>
/// The resource files every card shares, one localizer each for the process. A feature's own words are in its folder
/// (e.g. <c>Features/Risks/RiskTexts.cs</c>).
/// </summary>
internal static class CardTexts
{
    public static TextResource Common { get; } = new(typeof(CommonCards));

    /// <summary>The words for the domain's values and the formats of numbers, dates and times.</summary>
    public static TextResource Labels { get; } = new(typeof(Labels));
}
