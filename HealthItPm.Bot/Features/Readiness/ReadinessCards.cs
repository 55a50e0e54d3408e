namespace HealthItPm.Bot.Features.Readiness;

/// <summary>
/// Names ReadinessCards.resx for <see cref="Microsoft.Extensions.Localization.IStringLocalizer"/>: the words of the ADKAR
/// readiness survey, its answer and the wave's results.
/// </summary>
public static class ReadinessCards;
