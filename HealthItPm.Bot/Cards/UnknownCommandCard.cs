using HealthItPm.Bot.Cards.Elements;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards;

/// <param name="Typed">What the person typed (shown literally, shortened).</param>
/// <param name="Suggestion">The closest command, when the text looks like a typo of one.</param>
public sealed record UnknownCommandModel(string Typed, string? Suggestion);

/// <summary>The answer to text that is not a command: the closest command to run in one tap, or where to look.</summary>
public static class UnknownCommandCard
{
    private const int ShownLength = 80;

    public static JObject Build(UnknownCommandModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var typed = model.Typed.Length > ShownLength ? model.Typed[..ShownLength] + "…" : model.Typed;
        var body = new List<Element>
        {
            CardElements.Text(Markdown.Of($"I don't know that command:"), spacing: Spacing.None),
            CardElements.UserText(typed, italic: true),
        };
        var actions = new List<CardAction>();
        if (model.Suggestion is { } suggestion)
        {
            body.Add(CardElements.Text(Markdown.Of($"Did you mean **{suggestion}**?")));
            actions.Add(CardElements.Command($"Run {suggestion}", suggestion, primary: true));
        }
        else
        {
            body.Add(CardElements.Text(Markdown.Of($"Type **help** to see what I can do.")));
        }

        if (model.Suggestion != "help")
        {
            actions.Add(CardElements.Command("Show help", "help"));
        }

        return new AdaptiveCard(body, actions).ToJObject();
    }
}
