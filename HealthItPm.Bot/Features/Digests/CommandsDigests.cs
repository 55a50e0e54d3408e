namespace HealthItPm.Bot.Features.Digests;

/// <summary>
/// Names CommandsDigests.resx for <see cref="Microsoft.Extensions.Localization.IStringLocalizer"/>:
/// the digest commands' forms and replies.
/// </summary>
public static class CommandsDigests;
