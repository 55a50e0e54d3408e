namespace HealthItPm.Bot.Features.CheckIns;

/// <summary>
/// Names CheckInCards.resx for <see cref="Microsoft.Extensions.Localization.IStringLocalizer"/>: the words of the check-in
/// card, its answer and the round's summary.
/// </summary>
public static class CheckInCards;
