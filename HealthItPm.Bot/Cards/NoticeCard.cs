using HealthItPm.Bot.Cards.Elements;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards;

/// <summary>
/// A short message about the conversation itself, not about project data; <paramref name="Next"/> is
/// the one command the reader most likely wants next, offered as a button (e.g. "Update EHR-R7").
/// </summary>
public sealed record NoticeCardModel(string Title, string Message, (string Title, string Command)? Next = null)
{
    public static NoticeCardModel EmptyMessage { get; } =
        new("I didn't catch a command", "Type **help** to see what I can do.");

    public static NoticeCardModel TooLong(int maxLength) =>
        new("That message is too long for a command", $"Commands are short (under {maxLength} characters), like **help**. Nothing you sent was stored.");

    public static NoticeCardModel UnknownAction { get; } =
        new("That button is no longer available", "This card is out of date. Type **help** to start again.");
}

public static class NoticeCard
{
    public static JObject Build(NoticeCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new AdaptiveCard(
            [
                CardElements.Text(Markdown.Of($"**{Markdown.Worded(model.Title)}**")),
                CardElements.Text(Markdown.Worded(model.Message), spacing: Spacing.Small),
            ],
            model.Next is { } next ? [CardElements.Command(next.Title, next.Command, primary: true)] : null).ToJObject();
    }
}
