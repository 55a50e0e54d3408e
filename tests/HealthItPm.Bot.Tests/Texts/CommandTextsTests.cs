using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Texts;

/// <summary>
/// What the commands say comes from Texts/Commands*.resx, read in the culture of the person the bot answers: their
/// locale picks the resources (English until another language is added) and formats days and numbers.
/// </summary>
[Collection(SharedBotEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class CommandTextsTests(BotEnvironment env)
{
    private static string NewCode() => "TX" + UniqueCodes.Letters(5);

    [Fact]
    public void Every_command_has_a_summary_and_an_example_that_starts_with_its_words()
    {
        // Each in the words of its help topic: a kind of round's commands in the kind's own.
        var commands = HostComposition.Services.GetServices<CommandDefinition>().ToList();
        var topics = HelpTopics.Ordered(HostComposition.Services.GetServices<HelpTopic>());

        Assert.NotEmpty(commands);
        Assert.All(commands, c => Assert.False(string.IsNullOrWhiteSpace(HelpTopics.Of(c, topics).Summary(c)), c.Name));
        Assert.All(commands, c => Assert.StartsWith(c.Name, HelpTopics.Of(c, topics).Example(c), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_form_and_its_reply_are_worded_for_the_readers_locale()
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);
        var code = NewCode();
        await pm.SubmitAsync(CardVerbs.CreateProject, new { code, name = "Texts", kind = "Ehr", start = ProjectConversation.Date(0), golive = ProjectConversation.Date(30), end = ProjectConversation.Date(60), timezone = "UTC" });

        var english = CardText.Of(await pm.SayAsync("checkin schedule"));
        var german = CardText.Of(await pm.SayAsync("checkin schedule", a => a.Locale = "de-DE"));

        Assert.Contains($"{code} · Weekly check-in", english, StringComparison.Ordinal);
        Assert.Contains("Tuesday", english, StringComparison.Ordinal);
        // No German resources yet: the sentences fall back to English, the days are German.
        Assert.Contains($"{code} · Weekly check-in", german, StringComparison.Ordinal);
        Assert.Contains("Dienstag", german, StringComparison.Ordinal);
        Assert.DoesNotContain("Dienstag", english, StringComparison.Ordinal);
    }
}
