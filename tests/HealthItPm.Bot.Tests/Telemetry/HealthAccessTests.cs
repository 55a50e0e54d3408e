using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Telemetry;

/// <summary>
/// <c>health</c> through <c>/api/messages</c> on Azurite: a PM, a nurse and someone on no project are refused in plain
/// words and see nothing of the pipeline, typed or by a crafted Refresh; the admin (the CIO here) gets the card.
/// </summary>
[Collection(SharedBotEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class HealthAccessTests(BotEnvironment env)
{
    private const string Refusal = "Only HealthItPm admins can see how the delivery of cards is going.";

    // Words only the health card has: its title and its facts.
    private static readonly string[] Pipeline = ["Delivery pipeline", "Live hosts", "On the queue", "Oldest ready to send", "Poison queue", "Throttled"];

    [Fact]
    public async Task Someone_not_an_admin_is_refused_health_and_its_refresh_and_sees_nothing_of_the_pipeline()
    {
        var code = "H" + UniqueCodes.Letters(6);
        var (pm, nurse) = await ProjectConversation.WithNurseAsync(env, code, "Smart pump interoperability", "Other");
        var outsider = new ProjectConversation(env, TestActivities.ItAnalyst);

        foreach (var person in new[] { pm, nurse, outsider })
        {
            foreach (var answer in new[] { await person.SayAsync("health"), await person.SubmitAsync(CardVerbs.RefreshHealth, new { }) })
            {
                var text = CardText.Of(answer);
                Assert.Contains(Refusal, text, StringComparison.Ordinal);
                Assert.All(Pipeline, word => Assert.DoesNotContain(word, text, StringComparison.Ordinal));
                Assert.DoesNotContain(CardVerbs.RefreshHealth, answer.ToString(), StringComparison.Ordinal);
            }
        }

        var admin = new ProjectConversation(env, TestActivities.Cio);
        foreach (var answer in new[] { await admin.SayAsync("health"), await admin.SubmitAsync(CardVerbs.RefreshHealth, new { }) })
        {
            Assert.All(Pipeline, word => Assert.Contains(word, CardText.Of(answer), StringComparison.Ordinal));
            Assert.DoesNotContain(Refusal, CardText.Of(answer), StringComparison.Ordinal);
        }
    }
}
