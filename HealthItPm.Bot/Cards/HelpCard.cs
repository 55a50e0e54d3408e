using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards;

/// <summary>One line of help: a command, what it does, an example.</summary>
public sealed record HelpEntry(string Name, string Summary, string Example, bool ForProjectManagers);

public sealed record HelpCardModel(IReadOnlyList<HelpEntry> Commands);

/// <summary>The answer to <c>help</c>: every command this person may use, with an example, project-manager commands apart.</summary>
public static class HelpCard
{
    public static JObject Build(HelpCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<JObject>
        {
            CardElements.Heading("What I can do"),
            CardElements.Text("Type a command in this chat, or @mention me in a channel.", subtle: true, spacing: "None"),
            Facts(model.Commands.Where(c => !c.ForProjectManagers)),
        };
        var managing = model.Commands.Where(c => c.ForProjectManagers).ToList();
        if (managing.Count > 0)
        {
            body.Add(CardElements.Text("**For project managers**"));
            body.Add(Facts(managing));
        }

        return AdaptiveCard.Create(body);
    }

    private static JObject Facts(IEnumerable<HelpEntry> commands) =>
        CardElements.Facts(commands.Select(c => (c.Name, $"{c.Summary} _e.g._ `{c.Example}`")));
}
