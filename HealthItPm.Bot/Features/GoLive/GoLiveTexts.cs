using HealthItPm.Bot.Cards;

namespace HealthItPm.Bot.Features.GoLive;

/// <summary>
/// Names GoLiveCards.resx for <see cref="Microsoft.Extensions.Localization.IStringLocalizer"/>:
/// the go-live gate's scorecard, forms and replies.
/// </summary>
public static class GoLiveCards;

/// <summary>Names GoLiveAttestCards.resx: the owners' attestation cards.</summary>
public static class GoLiveAttestCards;

/// <summary>Where this feature's words come from.</summary>
internal static class GoLiveTexts
{
    public static TextResource Cards { get; } = new(typeof(GoLiveCards));

    public static TextResource Attest { get; } = new(typeof(GoLiveAttestCards));
}
