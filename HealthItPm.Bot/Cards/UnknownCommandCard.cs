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

    private static TextResource Texts => CardTexts.Common;

    public static JObject Build(UnknownCommandModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var typed = model.Typed.Length > ShownLength ? model.Typed[..ShownLength] + "…" : model.Typed;
        var body = new List<Element>
        {
            CardElements.Text(Texts.Markdown("Unknown_Intro"), spacing: Spacing.None),
            CardElements.UserText(typed, italic: true),
        };
        var actions = new List<CardAction>();
        if (model.Suggestion is { } suggestion)
        {
            body.Add(CardElements.Text(Texts.Markdown("Unknown_DidYouMean", suggestion)));
            actions.Add(CardElements.Command(Texts.Format("Unknown_Run", suggestion), suggestion, primary: true));
        }
        else
        {
            body.Add(CardElements.Text(Texts.Markdown("TypeHelp")));
        }

        if (model.Suggestion != "help")
        {
            actions.Add(CardElements.Command(Texts["ShowHelp"], "help"));
        }

        return new AdaptiveCard(body, actions).ToJObject();
    }
}
