using HealthItPm.Bot.Texts;

namespace HealthItPm.Bot.Cards;

/// <summary>The resource files the cards' words come from, one localizer each for the process.</summary>
internal static class CardTexts
{
    public static TextResource Common { get; } = new(typeof(CommonCards));

    public static TextResource Projects { get; } = new(typeof(ProjectCards));

    public static TextResource CheckIns { get; } = new(typeof(CheckInCards));

    public static TextResource Readiness { get; } = new(typeof(ReadinessCards));

    public static TextResource Risks { get; } = new(typeof(RiskCards));

    public static TextResource Digests { get; } = new(typeof(DigestCards));
}
