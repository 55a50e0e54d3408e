using HealthItPm.Bot.Cards.Elements;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards;

/// <summary>A card shown again with a line on top saying what just happened to it: saved, or why nothing changed.</summary>
public static class CardBanner
{
    /// <summary>
    /// The card with a confirmation of what was just saved on top;
    /// <paramref name="message"/> is worded with its values escaped.
    /// </summary>
    public static JObject Saved(JObject card, string message) => Saved(card, Markdown.Worded(message));

    /// <summary>The card with a confirmation worded as markdown of the bot's own (e.g. one that names a moment).</summary>
    public static JObject Saved(JObject card, Markdown message) => Banner(card, Markdown.Of($"✔ {message}"), TextColor.Good);

    /// <summary>The card as it stands, with why nothing changed (e.g. someone else already handled it).</summary>
    public static JObject Unchanged(JObject card, string message) => Unchanged(card, Markdown.Worded(message));

    /// <inheritdoc cref="Unchanged(JObject, string)"/>
    public static JObject Unchanged(JObject card, Markdown message) => Banner(card, Markdown.Of($"ℹ {message}"), TextColor.Accent);

    private static JObject Banner(JObject card, Markdown text, TextColor color)
    {
        ArgumentNullException.ThrowIfNull(card);
        var copy = (JObject)card.DeepClone();
        ((JArray)copy["body"]!).Insert(0, AdaptiveCard.ElementJson(new TextBlock(text) { Color = color }));
        return copy;
    }
}
