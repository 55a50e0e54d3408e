using HealthItPm.Bot.Cards;

namespace HealthItPm.Bot.Features.Readiness;

/// <summary>
/// Where this feature's words come from: the ADKAR survey and results cards (the commands' replies are the rounds' shared
/// texts).
/// </summary>
internal static class ReadinessTexts
{
    public static TextResource Cards { get; } = new(typeof(ReadinessCards));
}
