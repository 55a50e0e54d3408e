namespace HealthItPm.Bot.Texts;

/// <summary>
/// Names CommandsCommon.resx for <see cref="Microsoft.Extensions.Localization.IStringLocalizer"/>:
/// the replies every area shares: who is asking, which project, what went wrong.
/// </summary>
public static class CommandsCommon;
