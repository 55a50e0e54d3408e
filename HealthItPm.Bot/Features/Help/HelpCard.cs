using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Teams.Commands;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Help;

/// <summary>
/// One command in help: its name, what it does, how it is typed (with arguments, when it takes any), and the task it belongs
/// to.
/// </summary>
public sealed record HelpEntry(string Name, string Summary, string Example, bool ForProjectManagers, string Topic = HelpCard.OtherTopic)
{
    /// <summary>How the command is shown: the example when it adds arguments (<c>use EHR</c>), else the name. Each appears once.</summary>
    public string Shown => Example.Length > Name.Length && Example.StartsWith(Name, StringComparison.OrdinalIgnoreCase) ? Example : Name;

    /// <summary>A command for admins only: shown apart from the project managers', labelled for admins.</summary>
    public bool ForAdmins { get; init; }

    // 0 for everyone, 1 for project managers, 2 for admins: the order help lists them in.
    internal int Audience => ForAdmins ? 2 : ForProjectManagers ? 1 : 0;
}

/// <summary>
/// Help as a short list by task, or (<paramref name="Detailed"/>) every command with what it does. <paramref name="Topics"/>:
/// the tasks in the order help shows them (by default the shared ones, <see cref="HelpTopics"/>).
/// </summary>
public sealed record HelpCardModel(IReadOnlyList<HelpEntry> Commands, bool Detailed = false, IReadOnlyList<HelpTopic>? Topics = null)
{
    /// <summary>The one topic asked for (<c>help risks</c>): shown in detail, with a way to all commands.</summary>
    public HelpTopic? Only { get; init; }
}

/// <summary>
/// The answer to <c>help</c>: the commands this person may use, grouped by task, each shown once (with
/// its arguments when it takes any); project-manager and admin commands apart within each task, each labelled. The short list
/// links to the full one (<c>help all</c>), which says what each command does.
/// </summary>
public static class HelpCard
{
    public const string OtherTopic = HelpTopics.MoreName;

    private static TextResource Texts => CardTexts.Common;

    public static JObject Build(HelpCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<Element>
        {
            CardElements.Heading(model.Only is { } only
                ? Texts.Markdown("Help_Topic_Title", only.Title())
                : Texts.Markdown(model.Detailed ? "Help_All_Title" : "Help_Title")),
            CardElements.Text(Texts.Markdown("Help_HowToAsk"), subtle: true, spacing: Spacing.None),
        };
        var topics = (model.Topics ?? HelpTopics.Ordered([])).ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var topic in topics.Keys.Concat(model.Commands.Select(c => c.Topic).Distinct().Except(topics.Keys)))
        {
            var commands = model.Commands.Where(c => c.Topic == topic).ToList();
            if (commands.Count == 0)
            {
                continue;
            }

            // A topic the help does not know is shown as the caller named it.
            body.Add(CardElements.Section(Markdown.Literal(topics.TryGetValue(topic, out var known) ? known.Title() : topic)));
            if (model.Detailed)
            {
                body.Add(CardElements.Facts(commands.OrderBy(c => c.Audience).Select(c => (
                    Markdown.Of($"{c.Shown}"),
                    c.Audience switch
                    {
                        2 => Texts.Markdown("Help_ForAdminsOnly", c.Summary),
                        1 => Texts.Markdown("Help_ForProjectManagersOnly", c.Summary),
                        _ => Markdown.Literal(c.Summary),
                    }))));
                continue;
            }

            var everyone = commands.Where(c => c.Audience == 0).ToList();
            var managing = commands.Where(c => c.Audience == 1).ToList();
            var administering = commands.Where(c => c.Audience == 2).ToList();
            if (everyone.Count > 0)
            {
                body.Add(CardElements.Text(Inline(everyone), spacing: Spacing.Small));
            }

            if (managing.Count > 0)
            {
                body.Add(CardElements.Text(
                    Texts.Markdown("Help_ForProjectManagers", Inline(managing)), subtle: true, spacing: Spacing.Small));
            }

            if (administering.Count > 0)
            {
                body.Add(CardElements.Text(Texts.Markdown("Help_ForAdmins", Inline(administering)), subtle: true, spacing: Spacing.Small));
            }
        }

        return new AdaptiveCard(
            body, model.Detailed && model.Only is null ? null : [CardElements.Command(Texts["Help_AllButton"], "help all")]).ToJObject();
    }

    private static Markdown Inline(IEnumerable<HelpEntry> commands) =>
        Markdown.Join(Markdown.Of($" · "), commands.Select(c => Markdown.Of($"**{c.Shown}**")));
}
