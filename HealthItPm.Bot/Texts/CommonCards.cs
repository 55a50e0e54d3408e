namespace HealthItPm.Bot.Texts;

/// <summary>
/// Names CommonCards.resx for <see cref="Microsoft.Extensions.Localization.IStringLocalizer"/>:
/// the words of the cards every conversation can get (welcome, help, notices, refusals, forms, the audit log).
/// </summary>
public static class CommonCards;
