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
        var body = new List<JObject>
        {
            CardElements.Text("I don't know that command:", spacing: "None"),
            CardElements.UserText(typed, italic: true),
        };
        var actions = new List<JObject>();
        if (model.Suggestion is { } suggestion)
        {
            body.Add(CardElements.Text($"Did you mean **{suggestion}**?"));
            actions.Add(CardElements.Execute($"Run {suggestion}", CardVerbs.RunCommand, new JObject { ["command"] = suggestion }, primary: true));
        }
        else
        {
            body.Add(CardElements.Text("Type **help** to see what I can do."));
        }

        if (model.Suggestion != "help")
        {
            actions.Add(CardElements.Execute("Show help", CardVerbs.RunCommand, new JObject { ["command"] = "help" }));
        }

        return AdaptiveCard.Create(body, actions);
    }
}
