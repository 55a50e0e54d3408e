namespace HealthItPm.Bot.Texts;

/// <summary>
/// Names Problems.resx for <see cref="Microsoft.Extensions.Localization.IStringLocalizer"/>:
/// the sentences for the domain's problems.
/// </summary>
public static class Problems;
