using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Bot.Tests.Teams;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.CheckIns;

/// <summary>
/// "Send another" in the minute a round opened (the clock stands still): the PM's confirmation really
/// sends a second round — each person gets a second card — and the same button pressed twice, or its
/// invoke delivered again, sends it once. The PM reads the question for 2 s before confirming.
/// </summary>
[Trait("Needs", "Azurite")]
public class SendAnotherTests(ClockedBotEnvironment env) : IClassFixture<ClockedBotEnvironment>
{
    private ProjectConversation As(Microsoft.Bot.Schema.ChannelAccount person) => new(env.Host, env.Connector, person);

    private static JObject ActionWithVerb(JObject card, string verb) => card.Descendants().OfType<JObject>().First(o => (string?)o["verb"] == verb);

    /// <summary>
    /// A moment passes and the delivery queue is worked, a few times: a second card to the same chat within a second
    /// waits for its turn (Teams' per-conversation rate), on this clock too; still within the minute.
    /// </summary>
    private async Task DeliveredAsync()
    {
        for (var i = 0; i < 8; i++)
        {
            env.Clock.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(150);
            await env.Host.Services.GetRequiredService<DeliveryReceiver>().DrainAsync(default);
        }

        // Every press in these tests comes in the minute the clock starts at (03:00 UTC).
        Assert.Equal((3, 0), (env.Clock.GetUtcNow().Hour, env.Clock.GetUtcNow().Minute));
    }

    private IReadOnlyList<JObject> CardsTo(ProjectConversation person, string verb) =>
        [.. env.Connector.SentActivities(person.ConversationId).Select(MessagesEndpointTests.CardOf).Where(c => c.Descendants().OfType<JObject>().Any(o => (string?)o["verb"] == verb))];

    private async Task<(ProjectConversation Pm, ProjectConversation Nurse, string Code)> ProjectAsync()
    {
        var (pm, nurse) = (As(TestActivities.Pm), As(TestActivities.Nurse));
        await pm.SayAsync("help");
        await nurse.SayAsync("help");
        var code = "SA" + UniqueCodes.Letters(5);
        var today = DateOnly.FromDateTime(env.Clock.GetUtcNow().UtcDateTime);
        string Date(int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await pm.SubmitAsync(CardVerbs.CreateProject, new { code, name = "Telemedicine rollout", kind = "Telemedicine", start = Date(0), golive = Date(30), end = Date(60), timezone = "UTC" });
        await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = TestActivities.NurseAadId, role = "Stakeholder", discipline = "Nurse", department = "Virtual care" });
        return (pm, nurse, code);
    }

    [Fact]
    public async Task Send_another_check_in_in_the_same_minute_sends_a_second_card_and_the_same_button_twice_sends_it_once()
    {
        var (pm, nurse, code) = await ProjectAsync();
        await pm.SayAsync("checkin now");
        var first = (string)ActionWithVerb(CardsTo(nurse, CardVerbs.SubmitCheckIn).Single(), CardVerbs.SubmitCheckIn)["data"]!["round"]!;

        var asked = await pm.SayAsync("checkin now");
        Assert.Contains("A check-in is still open", CardText.Of(asked), StringComparison.Ordinal);
        var button = (JObject)ActionWithVerb(asked, CardVerbs.RunCommand)["data"]!;
        env.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal($"checkin now {code} anyway {first}", (string?)button["command"]);

        // Pressed, then the same invoke delivered again (or a double click): one more round, one more card each.
        var sent = CardText.Of(await pm.SubmitAsync(CardVerbs.RunCommand, button));
        var again = CardText.Of(await pm.SubmitAsync(CardVerbs.RunCommand, button));
        await DeliveredAsync();

        Assert.Contains("Sending the check-in to", sent, StringComparison.Ordinal);
        Assert.Contains("Sending the check-in to", again, StringComparison.Ordinal);
        var rounds = CardsTo(nurse, CardVerbs.SubmitCheckIn).Select(c => (string)ActionWithVerb(c, CardVerbs.SubmitCheckIn)["data"]!["round"]!).ToList();
        Assert.Equal(2, rounds.Count);
        Assert.Equal(first, rounds[0]);
        Assert.NotEqual(first, rounds[1]);

        // The second card is answered in its own round; the first round keeps its own answers.
        var answered = CardText.Of(await nurse.SubmitAsync(CardVerbs.SubmitCheckIn, new { project = code, round = rounds[1], status = "OnTrack", impact = "1", training = "false" }));
        Assert.Contains("check-in is in", answered, StringComparison.Ordinal);

        // Asked again in the same minute, about the second round: a third round goes out.
        var third = (JObject)ActionWithVerb(await pm.SayAsync("checkin now"), CardVerbs.RunCommand)["data"]!;
        env.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal($"checkin now {code} anyway {rounds[1]}", (string?)third["command"]);
        await pm.SubmitAsync(CardVerbs.RunCommand, third);
        await DeliveredAsync();
        Assert.Equal(3, CardsTo(nurse, CardVerbs.SubmitCheckIn).Select(c => (string)ActionWithVerb(c, CardVerbs.SubmitCheckIn)["data"]!["round"]!).Distinct().Count());
    }

    [Fact]
    public async Task Typing_anyway_in_the_same_minute_sends_a_second_round()
    {
        var (pm, nurse, code) = await ProjectAsync();
        await pm.SayAsync("checkin now");

        env.Clock.Advance(TimeSpan.FromSeconds(2));
        await pm.SayAsync($"checkin now {code} anyway");
        await DeliveredAsync();

        Assert.Equal(2, CardsTo(nurse, CardVerbs.SubmitCheckIn).Select(c => (string)ActionWithVerb(c, CardVerbs.SubmitCheckIn)["data"]!["round"]!).Distinct().Count());
    }

    [Fact]
    public async Task Starting_another_wave_in_the_same_minute_sends_it_and_the_same_confirmation_twice_starts_it_once()
    {
        var (pm, nurse, code) = await ProjectAsync();
        await pm.SubmitAsync(CardVerbs.StartSurvey, new { project = code, name = "pre go-live", days = "7", anonymous = "true" });
        Assert.Single(CardsTo(nurse, CardVerbs.SubmitSurvey));

        var asked = await pm.SubmitAsync(CardVerbs.StartSurvey, new { project = code, name = "super-user drop-in", days = "7", anonymous = "true" });
        Assert.Contains("is still open", CardText.Of(asked), StringComparison.Ordinal);
        var confirm = (JObject)ActionWithVerb(asked, CardVerbs.StartSurvey)["data"]!;
        confirm["name"] = "super-user drop-in";
        confirm["days"] = "7";
        confirm["anonymous"] = "true";
        env.Clock.Advance(TimeSpan.FromSeconds(2));

        var started = CardText.Of(await pm.SubmitAsync(CardVerbs.StartSurvey, confirm));
        var again = CardText.Of(await pm.SubmitAsync(CardVerbs.StartSurvey, confirm));
        await DeliveredAsync();

        Assert.Contains("super-user drop-in", started, StringComparison.Ordinal);
        Assert.Contains("super-user drop-in", again, StringComparison.Ordinal);
        var waves = CardsTo(nurse, CardVerbs.SubmitSurvey).Select(c => (string)ActionWithVerb(c, CardVerbs.SubmitSurvey)["data"]!["wave"]!).ToList();
        Assert.Equal(2, waves.Count);
        Assert.NotEqual(waves[0], waves[1]);
        Assert.Contains("super-user drop-in", CardText.Of(CardsTo(nurse, CardVerbs.SubmitSurvey)[1]), StringComparison.Ordinal);
    }
}
