namespace HealthItPm.Bot.Texts;

/// <summary>
/// Names CommandsHelp.resx for <see cref="Microsoft.Extensions.Localization.IStringLocalizer"/>:
/// the summary and example of each text command, and help's own replies.
/// </summary>
public static class CommandsHelp;
