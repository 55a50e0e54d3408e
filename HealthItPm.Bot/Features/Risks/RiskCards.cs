namespace HealthItPm.Bot.Features.Risks;

/// <summary>
/// Names RiskCards.resx for <see cref="Microsoft.Extensions.Localization.IStringLocalizer"/>:
/// the words of the risk register, the risk and escalation cards, concerns and a risk's history.
/// </summary>
public static class RiskCards;
