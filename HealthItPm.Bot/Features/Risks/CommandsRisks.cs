namespace HealthItPm.Bot.Features.Risks;

/// <summary>
/// Names CommandsRisks.resx for <see cref="Microsoft.Extensions.Localization.IStringLocalizer"/>:
/// the risk commands' forms and replies, and the risk notices.
/// </summary>
public static class CommandsRisks;
