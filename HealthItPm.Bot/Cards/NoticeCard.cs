using HealthItPm.Bot.Cards.Elements;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards;

/// <summary>
/// A short message about the conversation itself, not about project data; <paramref name="Next"/> is
/// the one command the reader most likely wants next, offered as a button (e.g. "Update EHR-R7").
/// A message that names a moment is <see cref="Markdown"/> worded with <see cref="Markdown.When"/>, so the
/// date stays one Teams shows; a message worded to a string is read through <see cref="Markdown.Worded"/>.
/// </summary>
public sealed record NoticeCardModel(string Title, Markdown Message, (string Title, string Command)? Next = null)
{
    public NoticeCardModel(string title, string message, (string Title, string Command)? next = null)
        : this(title, Markdown.Worded(message), next)
    {
    }

    private static TextResource Texts => CardTexts.Common;

    // Worded when sent, in the reader's language.
    public static NoticeCardModel EmptyMessage => new(Texts["Notice_Empty_Title"], Texts["TypeHelp"]);

    public static NoticeCardModel TooLong(int maxLength) => new(Texts["Notice_TooLong_Title"], Texts.Format("Notice_TooLong", maxLength));

    public static NoticeCardModel UnknownAction => new(Texts["Notice_UnknownAction_Title"], Texts["Notice_UnknownAction"]);
}

public static class NoticeCard
{
    public static JObject Build(NoticeCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new AdaptiveCard(
            [
                CardElements.Text(Markdown.Of($"**{Markdown.Worded(model.Title)}**")),
                CardElements.Text(model.Message, spacing: Spacing.Small),
            ],
            model.Next is { } next ? [CardElements.Command(next.Title, next.Command, primary: true)] : null).ToJObject();
    }
}
