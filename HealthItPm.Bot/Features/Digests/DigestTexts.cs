using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Messaging;

namespace HealthItPm.Bot.Features.Digests;

/// <summary>Where this feature's words come from: the weekly digest's card and the digest commands' replies and forms.</summary>
internal static class DigestTexts
{
    public static TextResource Cards { get; } = new(typeof(DigestCards));

    public static Wording Commands { get; } = new(typeof(CommandsDigests));
}
