using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Bot.Tests.Teams;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.Readiness;

/// <summary>A readiness wave through the real host: started by the PM, sent by the pipeline, answered and changed in place, refused to others.</summary>
[Collection(SharedBotEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class AdkarFlowTests(BotEnvironment env)
{
    private static readonly string[] Elements = ["awareness", "desire", "knowledge", "ability", "reinforcement"];

    private Task<(ProjectConversation Pm, ProjectConversation Nurse, string Code)> ProjectAsync() => NurseProject.CreateAsync(env, "A");

    private JObject SurveyTo(ProjectConversation person) =>
        env.Connector.SentActivities(person.ConversationId).Select(MessagesEndpointTests.CardOf).Last(c => CardText.Of(c).Contains("readiness survey", StringComparison.Ordinal));

    private static string WaveOf(JObject survey) => (string)survey.Descendants().OfType<JObject>().First(o => (string?)o["verb"] == CardVerbs.SubmitSurvey)["data"]!["wave"]!;

    private static object Scores(string code, string wave, string scores, string comment = "") => new
    {
        project = code, wave, awareness = scores[..1], desire = scores[1..2], knowledge = scores[2..3], ability = scores[3..4], reinforcement = scores[4..5], comment,
    };

    [Fact]
    public async Task A_wave_is_sent_answered_in_place_changed_and_the_card_never_preselects()
    {
        var (pm, nurse, code) = await ProjectAsync();
        var started = CardText.Of(await pm.SubmitAsync(CardVerbs.StartSurvey, new { project = code, name = "pre go-live", days = "7", anonymous = "true" }));
        Assert.Contains("Sending it to 1 person, anonymously", started, StringComparison.Ordinal);

        var survey = SurveyTo(nurse);
        Assert.Contains("I understand why we are moving to Telemedicine rollout.", CardText.Of(survey), StringComparison.Ordinal);
        Assert.All(Elements, id => Assert.Null(CardText.Input(survey, id)!["value"]));
        var wave = WaveOf(survey);

        var answered = CardText.Of(await nurse.SubmitAsync(CardVerbs.SubmitSurvey, Scores(code, wave, "45323", "More practice time before go-live")));
        Assert.Contains("readiness answer is in", answered, StringComparison.Ordinal);
        Assert.Contains("Only you see this answer", answered, StringComparison.Ordinal);

        // "Change answer" brings back the person's own scores, found by their own key.
        var change = await nurse.SubmitAsync(CardVerbs.ChangeSurvey, new { project = code, wave });
        Assert.Equal("3", (string?)CardText.Input(change, "knowledge")!["value"]);
        Assert.Equal("More practice time before go-live", (string?)CardText.Input(change, "comment")!["value"]);
        await nurse.SubmitAsync(CardVerbs.SubmitSurvey, Scores(code, wave, "55555"));

        // One answer per person: the PM (not asked) sees 1 of 1 and, the wave being anonymous and open, nothing else.
        var results = CardText.Of(await pm.SayAsync("adkar results"));
        Assert.Contains("1 of 1 (100%)", results, StringComparison.Ordinal);
        Assert.Contains("while the survey is open only the number of answers is shown", results, StringComparison.Ordinal);
        Assert.DoesNotContain("mean", results, StringComparison.Ordinal);
        Assert.DoesNotContain("1–5", results, StringComparison.Ordinal);
        Assert.DoesNotContain("practice time", results, StringComparison.Ordinal);
        Assert.DoesNotContain("Nina", results, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_code_before_the_arguments_names_the_project_for_a_pm_on_several()
    {
        var (pm, _, first) = await ProjectAsync();
        var (_, _, second) = await ProjectAsync();

        // The chat's project is the one created last; naming the first one opens its form and lists its waves.
        var form = await pm.SayAsync("adkar start " + first);
        Assert.Equal(first, (string?)form.Descendants().OfType<JObject>().First(o => (string?)o["verb"] == CardVerbs.StartSurvey)["data"]!["project"]);
        Assert.Contains("Sending it to", CardText.Of(await pm.SubmitAsync(CardVerbs.StartSurvey, new { project = first, name = "first wave", days = "7", anonymous = "false" })), StringComparison.Ordinal);

        Assert.Contains("first wave", CardText.Of(await pm.SayAsync("adkar waves " + first)), StringComparison.Ordinal);
        Assert.DoesNotContain("first wave", CardText.Of(await pm.SayAsync("adkar waves " + second)), StringComparison.Ordinal);
        Assert.Contains("first wave", CardText.Of(await pm.SayAsync($"adkar results {first} first wave")), StringComparison.Ordinal);
        Assert.Contains("first wave", CardText.Of(await pm.SayAsync("adkar results " + first)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incomplete_answer_comes_back_with_what_to_fix_apart_from_phi_and_nothing_is_stored()
    {
        var (pm, nurse, code) = await ProjectAsync();
        await pm.SubmitAsync(CardVerbs.StartSurvey, new { project = code, name = "pre go-live", days = "7", anonymous = "false" });
        var wave = WaveOf(SurveyTo(nurse));

        var incomplete = CardText.Of(await nurse.SubmitAsync(CardVerbs.SubmitSurvey, new { project = code, wave, awareness = "4", desire = "9", knowledge = "", ability = "3", reinforcement = "5" }));
        Assert.Contains("Please check: pick a score from 1 to 5 for every statement", incomplete, StringComparison.Ordinal);
        Assert.DoesNotContain("patient information", incomplete, StringComparison.Ordinal);

        var phi = await nurse.SubmitAsync(CardVerbs.SubmitSurvey, Scores(code, wave, "44444", "pt. Alvarez MRN 00482913 could not log in"));
        Assert.Contains("Please remove patient information", CardText.Of(phi), StringComparison.Ordinal);
        Assert.DoesNotContain("00482913", (string?)CardText.Input(phi, "comment")!["value"], StringComparison.Ordinal);

        Assert.Contains("0 of 1", CardText.Of(await pm.SayAsync("adkar results")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adkar_start_while_a_wave_is_open_asks_to_confirm()
    {
        var (pm, _, code) = await ProjectAsync();
        await pm.SubmitAsync(CardVerbs.StartSurvey, new { project = code, name = "pre go-live", days = "7", anonymous = "true" });

        var asked = await pm.SubmitAsync(CardVerbs.StartSurvey, new { project = code, name = "second", days = "7", anonymous = "true" });

        Assert.Contains("is still open until", CardText.Of(asked), StringComparison.Ordinal);
        var submit = asked.Descendants().OfType<JObject>().First(o => (string?)o["verb"] == CardVerbs.StartSurvey);
        Assert.Equal("yes", (string?)submit["data"]!["confirm"]);
    }

    [Fact]
    public async Task Outsiders_and_stakeholders_cannot_start_read_or_answer_a_wave()
    {
        var (pm, nurse, code) = await ProjectAsync();
        await pm.SubmitAsync(CardVerbs.StartSurvey, new { project = code, name = "pre go-live", days = "7", anonymous = "true" });
        var wave = WaveOf(SurveyTo(nurse));
        await nurse.SayAsync($"use {code}");

        Assert.Contains("Only the project managers", CardText.Of(await nurse.SayAsync("adkar results")), StringComparison.Ordinal);
        Assert.Contains("Only the project managers", CardText.Of(await nurse.SayAsync("adkar waves")), StringComparison.Ordinal);
        Assert.Contains("Only the project managers", CardText.Of(await nurse.SubmitAsync(CardVerbs.StartSurvey, new { project = code, name = "mine", days = "7", anonymous = "true" })), StringComparison.Ordinal);
        var pharmacist = new ProjectConversation(env, TestActivities.Pharmacist);
        Assert.Contains("not sent to you", CardText.Of(await pharmacist.SubmitAsync(CardVerbs.SubmitSurvey, Scores(code, wave, "11111"))), StringComparison.Ordinal);
        Assert.Contains("not sent to you", CardText.Of(await pharmacist.SubmitAsync(CardVerbs.ChangeSurvey, new { project = code, wave })), StringComparison.Ordinal);
        Assert.Contains("0 of 1", CardText.Of(await pm.SayAsync("adkar results")), StringComparison.Ordinal);
    }
}
