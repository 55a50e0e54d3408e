using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Messaging;

namespace HealthItPm.Bot.Features.Readiness;

/// <summary>
/// Where this feature's words come from: ReadinessCards.resx, for the ADKAR survey and results cards and its commands' forms,
/// replies and help.
/// </summary>
internal static class ReadinessTexts
{
    public static TextResource Cards { get; } = new(typeof(ReadinessCards));

    public static Wording Commands { get; } = new(typeof(ReadinessCards));
}
