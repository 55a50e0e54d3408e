using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Bot.Tests.Teams;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.CheckIns;

/// <summary>A check-in round through the real host: sent, answered in place, counted once, PHI kept out.</summary>
[Collection(SharedBotEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class CheckInFlowTests(BotEnvironment env)
{
    private Task<(ProjectConversation Pm, ProjectConversation Nurse, string Code)> ProjectAsync() => NurseProject.CreateAsync(env, "C");

    private JObject LastCardTo(ProjectConversation person) => MessagesEndpointTests.CardOf(env.Connector.SentActivities(person.ConversationId).Last());

    private static string RoundOf(JObject checkInCard) => (string)checkInCard.Descendants().OfType<JObject>().First(o => (string?)o["verb"] == CardVerbs.SubmitCheckIn)["data"]!["round"]!;

    [Fact]
    public async Task A_round_is_sent_answered_in_place_and_each_answer_counted_once()
    {
        var (pm, nurse, code) = await ProjectAsync();

        var sent = CardText.Of(await pm.SayAsync("checkin now"));
        Assert.Contains("Sending the check-in to 1 person — **checkin status** shows how delivery goes.", sent, StringComparison.Ordinal);

        var card = LastCardTo(nurse);
        Assert.Contains($"{code} check-in", CardText.Of(card), StringComparison.Ordinal);
        var round = RoundOf(card);

        var first = await nurse.SubmitAsync(CardVerbs.SubmitCheckIn, new { project = code, round, status = "Blocked", impact = "4", blockers = "Video visits drop on the old iPads", training = "true" });
        var second = await nurse.SubmitAsync(CardVerbs.SubmitCheckIn, new { project = code, round, status = "SomeConcerns", impact = "3", blockers = "Video visits drop on the old iPads", training = "true" });
        await nurse.SubmitAsync(CardVerbs.SubmitCheckIn, new { project = code, round, status = "SomeConcerns", impact = "3", blockers = "Video visits drop on the old iPads", training = "true" });

        Assert.Contains("your " + code + " check-in is in", CardText.Of(first), StringComparison.Ordinal);
        Assert.Contains("Some concerns", CardText.Of(second), StringComparison.Ordinal);
        Assert.Contains("Change answer", CardText.Of(second), StringComparison.Ordinal);

        var status = CardText.Of(await pm.SayAsync("checkin status"));
        Assert.Contains("1 of 1 (100%)", status, StringComparison.Ordinal);
        Assert.Contains("Nina Patel (RN): Video visits drop on the old iPads", status, StringComparison.Ordinal);
        Assert.Contains("Some concerns\n1", status, StringComparison.Ordinal);
        Assert.Contains("Blocked\n0", status, StringComparison.Ordinal);

        var change = CardText.Of(await nurse.SubmitAsync(CardVerbs.ChangeCheckIn, new { project = code, round }));
        Assert.Contains("Video visits drop on the old iPads", change, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suspected_phi_is_pointed_out_and_nothing_is_stored()
    {
        var (pm, nurse, code) = await ProjectAsync();
        await pm.SayAsync("checkin now");
        var round = RoundOf(LastCardTo(nurse));

        var card = await nurse.SubmitAsync(CardVerbs.SubmitCheckIn, new { project = code, round, status = "Blocked", impact = "5", blockers = "pt. Alvarez MRN 00482913 could not join the video visit", training = "false" });

        var text = CardText.Of(card);
        Assert.Contains("Please remove patient information", text, StringComparison.Ordinal);
        Assert.Contains("a medical record number", text, StringComparison.Ordinal);
        Assert.DoesNotContain("00482913", text.Replace("pt. Alvarez MRN 00482913 could not join the video visit", "", StringComparison.Ordinal), StringComparison.Ordinal);
        // What comes back to the chat has the suspected parts masked: the PHI does not travel back.
        var echoed = (string?)CardText.Input(card, "blockers")!["value"];
        Assert.DoesNotContain("00482913", echoed, StringComparison.Ordinal);
        Assert.DoesNotContain("Alvarez", echoed, StringComparison.Ordinal);
        Assert.Contains("could not join the video visit", echoed, StringComparison.Ordinal);
        Assert.Contains("0 of 1", CardText.Of(await pm.SayAsync("checkin status")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task People_on_the_round_are_staff_not_patients()
    {
        var (pm, nurse, code) = await ProjectAsync();
        await pm.SayAsync("checkin now");
        var round = RoundOf(LastCardTo(nurse));

        var card = CardText.Of(await nurse.SubmitAsync(CardVerbs.SubmitCheckIn, new { project = code, round, status = "SomeConcerns", impact = "2", blockers = "Nina Patel still has not shared the downtime procedure", training = "false" }));

        Assert.DoesNotContain("Please remove patient information", card, StringComparison.Ordinal);
        Assert.Contains("1 of 1", CardText.Of(await pm.SayAsync("checkin status")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_the_round_was_not_sent_to_cannot_answer_it()
    {
        var (pm, nurse, code) = await ProjectAsync();
        await pm.SayAsync("checkin now");
        var round = RoundOf(LastCardTo(nurse));
        var pharmacist = new ProjectConversation(env, TestActivities.Pharmacist);

        var answer = CardText.Of(await pharmacist.SubmitAsync(CardVerbs.SubmitCheckIn, new { project = code, round, status = "OnTrack", impact = "1", training = "false" }));

        // Someone not on the project is answered before the round is read, as for a round that does not exist.
        Assert.Contains("This check-in was not sent to you or is no longer available.", answer, StringComparison.Ordinal);
        Assert.Contains("0 of 1", CardText.Of(await pm.SayAsync("checkin status")), StringComparison.Ordinal);
    }

    // What the card could not read is listed to check; what the domain refuses (an impact with a block) comes in its words.
    [Theory]
    [InlineData("Exploded", "3", "Please check:")]
    [InlineData("OnTrack", "9", "Please check:")]
    [InlineData("Blocked", "", "With concerns or a block, say how much it affects your workflow (1–5).")]
    public async Task A_tampered_or_incomplete_answer_is_shown_back_not_stored(string status, string impact, string shown)
    {
        var (pm, nurse, code) = await ProjectAsync();
        await pm.SayAsync("checkin now");
        var round = RoundOf(LastCardTo(nurse));

        var card = CardText.Of(await nurse.SubmitAsync(CardVerbs.SubmitCheckIn, new { project = code, round, status, impact, training = "false" }));

        Assert.Contains(shown, card, StringComparison.Ordinal);
        Assert.DoesNotContain("patient information", card, StringComparison.Ordinal);
        Assert.Contains("0 of 1", CardText.Of(await pm.SayAsync("checkin status")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stakeholder_cannot_start_or_read_check_ins()
    {
        var (_, nurse, code) = await ProjectAsync();
        await nurse.SayAsync($"use {code}");

        Assert.Contains("Only the project managers", CardText.Of(await nurse.SayAsync("checkin now")), StringComparison.Ordinal);
        Assert.Contains("Only the project managers", CardText.Of(await nurse.SayAsync("checkin status")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_track_answers_in_one_tap_and_stores_no_impact_nobody_chose()
    {
        var (pm, nurse, code) = await ProjectAsync();
        await pm.SayAsync("checkin now");
        var card = LastCardTo(nurse);
        var onTrack = card.Descendants().OfType<JObject>().First(o => (string?)o["type"] == "Action.Execute" && (string?)o["data"]?["status"] == "OnTrack");
        Assert.Equal("none", (string?)onTrack["associatedInputs"]);
        // Nothing is pre-selected: a hurried Submit cannot store an answer the person did not give.
        Assert.Null(CardText.Input(card, "status")!["value"]);
        Assert.Null(CardText.Input(card, "impact")!["value"]);

        var answered = CardText.Of(await nurse.SubmitAsync(CardVerbs.SubmitCheckIn, (JObject)onTrack["data"]!));

        Assert.Contains("On track", answered, StringComparison.Ordinal);
        Assert.Contains("Workflow impact\nnot given", answered, StringComparison.Ordinal);
        var status = CardText.Of(await pm.SayAsync("checkin status"));
        Assert.Contains("1 of 1 (100%)", status, StringComparison.Ordinal);
        Assert.Contains("Average impact\nnone given", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkin_now_while_a_round_is_open_asks_first_and_anyway_sends_it()
    {
        var (pm, nurse, code) = await ProjectAsync();
        await pm.SayAsync("checkin now");
        var round = RoundOf(LastCardTo(nurse));

        var asked = await pm.SayAsync("checkin now");

        Assert.Contains("A check-in is still open", CardText.Of(asked), StringComparison.Ordinal);
        var confirm = asked.Descendants().OfType<JObject>().First(o => (string?)o["type"] == "Action.Execute");
        // The button names the round it asked about, so pressing it twice sends one more round (SendAnotherTests).
        Assert.Equal($"checkin now {code} anyway {round}", (string?)confirm["data"]!["command"]);
        Assert.Contains("Sending the check-in to 1 person", CardText.Of(await pm.SayAsync($"checkin now {code} anyway")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_check_in_goes_to_the_stakeholders_not_the_pm_unless_she_includes_the_pms()
    {
        var (pm, nurse, code) = await ProjectAsync();
        var checkInsTo = (ProjectConversation person) => env.Connector.SentActivities(person.ConversationId).Select(MessagesEndpointTests.CardOf)
            .Count(c => c.Descendants().OfType<JObject>().Any(o => (string?)o["verb"] == CardVerbs.SubmitCheckIn));

        Assert.Contains("Sending the check-in to 1 person", CardText.Of(await pm.SayAsync("checkin now")), StringComparison.Ordinal);
        Assert.Equal((0, 1), (checkInsTo(pm), checkInsTo(nurse)));
        await nurse.SubmitAsync(CardVerbs.SubmitCheckIn, new { project = code, round = RoundOf(LastCardTo(nurse)), status = "OnTrack", impact = "1", training = "false" });
        Assert.Contains("1 of 1 (100%)", CardText.Of(await pm.SayAsync("checkin status")), StringComparison.Ordinal);

        var asked = await pm.SayAsync($"checkin now {code} including pms");
        var button = asked.Descendants().OfType<JObject>().First(o => (string?)o["type"] == "Action.Execute");
        Assert.EndsWith(" including pms", (string?)button["data"]!["command"], StringComparison.Ordinal);
        Assert.Contains("Sending the check-in to 2 people", CardText.Of(await pm.SubmitAsync(CardVerbs.RunCommand, (JObject)button["data"]!)), StringComparison.Ordinal);
        Assert.Equal(1, checkInsTo(pm));
    }

    [Fact]
    public async Task The_schedule_and_wave_forms_offer_to_include_the_pms_and_a_wave_does_when_ticked()
    {
        var (pm, _, code) = await ProjectAsync();
        Assert.Contains("Send it to the project's PMs too", CardText.Of(await pm.SayAsync("checkin schedule")), StringComparison.Ordinal);
        Assert.Contains("Send it to the project's PMs too", CardText.Of(await pm.SayAsync("adkar start")), StringComparison.Ordinal);

        var started = CardText.Of(await pm.SubmitAsync(CardVerbs.StartSurvey, new { project = code, name = "pre go-live", days = "7", anonymous = "false", pms = "true" }));

        Assert.Contains("Sending it to 2 people", started, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_wave_never_goes_to_the_pms_who_read_its_results_even_when_ticked()
    {
        var (pm, _, code) = await ProjectAsync();

        var started = CardText.Of(await pm.SubmitAsync(CardVerbs.StartSurvey, new { project = code, name = "pre go-live", days = "7", anonymous = "true", pms = "true" }));

        Assert.Contains("Sending it to 1 person, anonymously", started, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trend_is_labelled_with_the_day_not_the_round_id()
    {
        var (pm, _, _) = await ProjectAsync();
        await pm.SayAsync("checkin now");

        var status = CardText.Of(await pm.SayAsync("checkin status"));

        Assert.Contains("opened " + DateTime.UtcNow.ToString("ddd d MMM", System.Globalization.CultureInfo.InvariantCulture), status, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{8}T\d{4}Z", status);
    }
}
