namespace HealthItPm.Bot.Rounds;

/// <summary>
/// Names CommandsRounds.resx for <see cref="Microsoft.Extensions.Localization.IStringLocalizer"/>: the check-in and ADKAR
/// readiness commands' forms and replies.
/// </summary>
public static class CommandsRounds;
