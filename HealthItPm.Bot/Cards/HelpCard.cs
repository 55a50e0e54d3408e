using HealthItPm.Bot.Cards.Elements;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards;

/// <summary>One command in help: its name, what it does, how it is typed (with arguments, when it takes any), and the task it belongs to.</summary>
public sealed record HelpEntry(string Name, string Summary, string Example, bool ForProjectManagers, string Topic = HelpCard.OtherTopic)
{
    /// <summary>How the command is shown: the example when it adds arguments (<c>use EHR</c>), else the name. Each appears once.</summary>
    public string Shown => Example.Length > Name.Length && Example.StartsWith(Name, StringComparison.OrdinalIgnoreCase) ? Example : Name;
}

/// <summary>Help as a short list by task, or (<paramref name="Detailed"/>) every command with what it does.</summary>
public sealed record HelpCardModel(IReadOnlyList<HelpEntry> Commands, bool Detailed = false);

/// <summary>
/// The answer to <c>help</c>: the commands this person may use, grouped by task, each shown once (with
/// its arguments when it takes any); project-manager commands apart within each task. The short list
/// links to the full one (<c>help all</c>), which says what each command does.
/// </summary>
public static class HelpCard
{
    public const string OtherTopic = "More";

    /// <summary>The tasks, in the order a new person meets them.</summary>
    public static readonly IReadOnlyList<string> Topics = ["Your projects", "People", "Plan, money and outcomes", "Check-ins", "Readiness surveys", "Risks", OtherTopic];

    public static JObject Build(HelpCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<Element>
        {
            CardElements.Heading(model.Detailed ? Markdown.Of($"All commands") : Markdown.Of($"What I can do")),
            CardElements.Text(Markdown.Of($"Type a command in this chat, or @mention me in a channel."), subtle: true, spacing: Spacing.None),
        };
        foreach (var topic in Topics.Concat(model.Commands.Select(c => c.Topic).Distinct().Except(Topics)))
        {
            var commands = model.Commands.Where(c => c.Topic == topic).ToList();
            if (commands.Count == 0)
            {
                continue;
            }

            body.Add(CardElements.Section(Markdown.Of($"{topic}")));
            if (model.Detailed)
            {
                body.Add(CardElements.Facts(commands.OrderBy(c => c.ForProjectManagers).Select(c => (
                    Markdown.Of($"{c.Shown}"),
                    c.ForProjectManagers ? Markdown.Of($"{c.Summary} _(project managers)_") : Markdown.Of($"{c.Summary}")))));
                continue;
            }

            var everyone = commands.Where(c => !c.ForProjectManagers).ToList();
            var managing = commands.Where(c => c.ForProjectManagers).ToList();
            if (everyone.Count > 0)
            {
                body.Add(CardElements.Text(Inline(everyone), spacing: Spacing.Small));
            }

            if (managing.Count > 0)
            {
                body.Add(CardElements.Text(Markdown.Of($"For project managers: {Inline(managing)}"), subtle: true, spacing: Spacing.Small));
            }
        }

        return new AdaptiveCard(body, model.Detailed ? null : [CardElements.Command("All commands, explained", "help all")]).ToJObject();
    }

    private static Markdown Inline(IEnumerable<HelpEntry> commands) => Markdown.Join(Markdown.Of($" · "), commands.Select(c => Markdown.Of($"**{c.Shown}**")));
}
