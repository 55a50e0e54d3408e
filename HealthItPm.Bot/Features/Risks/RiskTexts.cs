using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Messaging;

namespace HealthItPm.Bot.Features.Risks;

/// <summary>
/// Where this feature's words come from: the risk register, risk,
/// escalation and concern cards, and the risk commands' replies and forms.
/// </summary>
internal static class RiskTexts
{
    public static TextResource Cards { get; } = new(typeof(RiskCards));

    public static Wording Commands { get; } = new(typeof(CommandsRisks));
}
