namespace HealthItPm.Bot.Rounds;

/// <summary>
/// Names CommandsRounds.resx for <see cref="Microsoft.Extensions.Localization.IStringLocalizer"/>: what the forms and replies of
/// every kind of round share.
/// </summary>
public static class CommandsRounds;
