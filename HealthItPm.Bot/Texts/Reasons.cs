namespace HealthItPm.Bot.Texts;

/// <summary>
/// Names Reasons.resx for <see cref="Microsoft.Extensions.Localization.IStringLocalizer"/>:
/// the sentences for why a project is amber or red and why a risk was escalated.
/// </summary>
public static class Reasons;
