using System.Text.RegularExpressions;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Features.Help;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.FirstDay;

/// <summary>Help grouped by task with each command once, and a welcome that promises only what the commands do.</summary>
public class HelpAndWelcomeTests
{
    // Every command and topic of the host as Program.cs composes it.
    private static readonly IReadOnlyList<CommandDefinition> Commands = [.. HostComposition.Services.GetServices<CommandDefinition>()];

    private static readonly IReadOnlyList<HelpTopic> Topics = HelpTopics.Ordered(HostComposition.Services.GetServices<HelpTopic>());

    private static HelpTopic TopicOf(CommandDefinition command) => HelpTopics.Of(command, Topics);

    private static JObject Help(bool manager, bool detailed = false) => HelpCard.Build(new HelpCardModel(
        [.. Commands.Where(c => manager || !c.ForProjectManagers)
            .Select(c => new HelpEntry(c.Name, TopicOf(c).Summary(c), TopicOf(c).Example(c), c.ForProjectManagers, TopicOf(c).Name))],
        detailed,
        Topics));

    [Fact]
    public void Help_groups_the_commands_by_task_and_is_short()
    {
        var card = Help(manager: true);
        string[] known =
        [
            "Your projects", "People", "Plan, money and outcomes", "Check-ins", "Readiness surveys", "Risks", "Weekly leadership digest",
            "More",
        ];

        // The topics in the order a new person meets them (a new kind of round's topic comes after the others' rounds).
        var titles = ((JArray)card["body"]!).Where(e => (bool?)e["separator"] == true).Select(e => (string?)e["text"]).ToList();
        Assert.Equal(known, titles.Where(t => known.Contains(t)));
        Assert.All(Commands.Where(c => c.Name != "help"), c => Assert.NotEqual(HelpCard.OtherTopic, TopicOf(c).Name));
        Assert.Equal(HelpTopics.Digests.Name, TopicOf(Assert.Single(Commands, c => c.Name == "digest now")).Name);
        // Every feature's commands, a title per topic and a line per audience, nothing more.
        Assert.InRange(((JArray)card["body"]!).Count, 1, 3 + (3 * titles.Count));
        Assert.Contains("help all", card.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_command_appears_once_and_no_example_is_repeated(bool detailed)
    {
        var text = CardText.Of(Help(manager: true, detailed));

        Assert.DoesNotContain("_e.g._", text, StringComparison.Ordinal);
        Assert.DoesNotContain("e.g. risk", text, StringComparison.Ordinal);
        foreach (var shown in new[] { "use EHR", @"risk \<ID\>", @"risk update \<ID\>", "risks critical", "milestone progress", "phase" })
        {
            Assert.Equal(1, Regex.Count(text, $@"(^|\*\*|\n){Regex.Escape(shown)}(\*\*|\n|$)"));
        }
    }

    [Fact]
    public void The_full_list_says_what_each_command_does()
    {
        var text = CardText.Of(Help(manager: false, detailed: true));

        Assert.Contains("The projects you are on.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Plan a milestone", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_welcome_card_promises_only_what_commands_offer()
    {
        var names = Commands.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var welcome = CardText.Of(WelcomeCard.Build(new WelcomeCardModel(InChannel: false)));

        // Each thing the welcome names, and the command that does it.
        (string Claim, string Command)[] promises =
        [
            ("status", "status"), ("milestones", "milestones"), ("budget", "budget"), ("KPIs", "kpis"),
            ("check-ins", "checkin now"), ("risks", "risk add"), ("escalate", "escalation"),
        ];
        Assert.All(promises, p =>
        {
            Assert.Contains(p.Claim, welcome, StringComparison.Ordinal);
            Assert.Contains(p.Command, names);
        });
        foreach (var notYet in new[] { "survey", "readiness", "ADKAR", "digest", "weekly report" })
        {
            Assert.DoesNotContain(notYet, welcome, StringComparison.OrdinalIgnoreCase);
        }
    }
}
