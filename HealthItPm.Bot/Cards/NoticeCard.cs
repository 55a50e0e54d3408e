using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards;

/// <summary>A short message about the conversation itself, not about project data.</summary>
public sealed record NoticeCardModel(string Title, string Message)
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
        return AdaptiveCard.Create(
        [
            CardElements.Text($"**{model.Title}**"),
            CardElements.Text(model.Message, spacing: "Small"),
        ]);
    }
}
