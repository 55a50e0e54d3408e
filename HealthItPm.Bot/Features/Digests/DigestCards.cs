namespace HealthItPm.Bot.Features.Digests;

/// <summary>
/// Names DigestCards.resx for <see cref="Microsoft.Extensions.Localization.IStringLocalizer"/>:
/// the words of the weekly leadership digest.
/// </summary>
public static class DigestCards;
