using HealthItPm.Bot.Teams.Commands;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards;

public sealed record HelpCardModel(IReadOnlyList<CommandDefinition> Commands);

/// <summary>The answer to <c>help</c>: every command this person may use, with an example.</summary>
public static class HelpCard
{
    public static JObject Build(HelpCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return AdaptiveCard.Create(
        [
            CardElements.Heading("What I can do"),
            CardElements.Text("Type a command in this chat, or @mention me in a channel.", subtle: true, spacing: "None"),
            CardElements.Facts(model.Commands.Select(c => (c.Name, $"{c.Summary} _e.g._ `{c.Example}`"))),
        ]);
    }
}
