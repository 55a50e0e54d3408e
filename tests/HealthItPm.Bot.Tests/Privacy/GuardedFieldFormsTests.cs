using Azure.Data.Tables;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Bot.Tests.Teams;
using Newtonsoft.Json.Linq;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Privacy;

/// <summary>
/// No stored field accepts protected health information: each field a person types into is tried,
/// through its real form or card action on the running bot, with an SSN, an MRN and a patient's name
/// without a cue. Each time the card comes back with the finding right beside the field and the text
/// in the input masked, and afterwards nothing in any table holds the identifiers.
/// </summary>
[Collection(SharedBotEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class GuardedFieldFormsTests(BotEnvironment env)
{
    /// <summary>What is tried in every field, and the part of it that must never come back or be stored.</summary>
    public static readonly TheoryData<string, string> Identifiers = new()
    {
        { "123-45-6789", "123-45-6789" },
        { "MRN 00482913", "00482913" },
        { "Margaret Olsen", "Olsen" },
    };

    /// <summary>Each free-text field: its name, the input's id on the card that comes back, and how a person submits it.</summary>
    private static readonly Dictionary<string, (string Input, Func<Scene, string, Task<JObject>> Submit)> Fields = new(StringComparer.Ordinal)
    {
        ["project name"] = ("name", (s, text) => s.Pm.SubmitAsync(CardVerbs.CreateProject, new { code = NewCode(), name = text, kind = "Ehr", start = ProjectConversation.Date(0), golive = ProjectConversation.Date(30), end = ProjectConversation.Date(60), timezone = "UTC" })),
        ["milestone name"] = ("name", (s, text) => s.Pm.SubmitAsync(CardVerbs.AddMilestone, new { project = s.Code, name = text, planned = ProjectConversation.Date(10), weight = "10" })),
        ["KPI name"] = ("name", (s, text) => s.Pm.SubmitAsync(CardVerbs.AddKpi, new { project = s.Code, name = text, unit = "%", baseline = "10", target = "5", direction = "LowerIsBetter" })),
        ["KPI unit"] = ("unit", (s, text) => s.Pm.SubmitAsync(CardVerbs.AddKpi, new { project = s.Code, name = "No-show rate", unit = text, baseline = "10", target = "5", direction = "LowerIsBetter" })),
        ["department"] = ("department", (s, text) => s.Pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = s.Code, people = TestActivities.PhysicianAadId, role = "Stakeholder", discipline = "Physician", department = text })),
        ["spend note"] = ("note", (s, text) => s.Pm.SubmitAsync(CardVerbs.RecordSpend, new { project = s.Code, amount = "1000", date = ProjectConversation.Date(0), note = text })),
        ["risk title"] = ("title", (s, text) => s.Pm.SubmitAsync(CardVerbs.AddRisk, new { project = s.Code, title = text, category = "Vendor", probability = "2", impact = "2" })),
        ["risk description"] = ("description", (s, text) => s.Pm.SubmitAsync(CardVerbs.AddRisk, new { project = s.Code, title = "Interface queue backs up", description = text, category = "Vendor", probability = "2", impact = "2" })),
        ["risk mitigation"] = ("mitigation", (s, text) => s.Pm.SubmitAsync(CardVerbs.AddRisk, new { project = s.Code, title = "Interface queue backs up", category = "Vendor", probability = "2", impact = "2", mitigation = text, due = ProjectConversation.Date(5) })),
        ["risk update mitigation"] = ("mitigation", async (s, text) => await s.Pm.SubmitAsync(CardVerbs.UpdateRisk, new { risk = await s.RiskAsync(), probability = "2", impact = "2", mitigation = text, due = ProjectConversation.Date(5), status = "open" })),
        ["accept reason"] = ("reason", async (s, text) => await s.Cio.SubmitAsync(CardVerbs.AcceptRisk, new { risk = await s.RiskAsync(), reason = text })),
        ["dismiss reason"] = ("reason", async (s, text) => await s.Pm.SubmitAsync(CardVerbs.DismissConcern, new { project = s.Code, concern = await s.ConcernAsync(), reason = text })),
        ["concern"] = ("text", (s, text) => s.Nurse.SubmitAsync(CardVerbs.ReportConcern, new { project = s.Code, text })),
        ["check-in schedule departments"] = ("departments", (s, text) => s.Pm.SubmitAsync(CardVerbs.ScheduleCheckIn, new { project = s.Code, day = "Tuesday", at = "10:00", remind = "24", close = "48", anonymous = "false", departments = text })),
        ["readiness wave name"] = ("name", (s, text) => s.Pm.SubmitAsync(CardVerbs.StartSurvey, new { project = s.Code, name = text, days = "7", anonymous = "true" })),
        ["readiness wave departments"] = ("departments", (s, text) => s.Pm.SubmitAsync(CardVerbs.StartSurvey, new { project = s.Code, name = "pre go-live", days = "7", anonymous = "true", departments = text })),
        ["check-in blockers"] = ("blockers", async (s, text) => await s.Nurse.SubmitAsync(CardVerbs.SubmitCheckIn, new { project = s.Code, round = await s.RoundAsync(), status = "Blocked", impact = "3", blockers = text, training = "false" })),
        ["readiness survey comment"] = ("comment", async (s, text) => await s.Nurse.SubmitAsync(CardVerbs.SubmitSurvey, new { project = s.Code, wave = await s.WaveAsync(), awareness = "4", desire = "4", knowledge = "3", ability = "4", reinforcement = "4", comment = text })),
    };

    public static TheoryData<string> FieldNames => [.. Fields.Keys];

    [Theory]
    [MemberData(nameof(FieldNames))]
    public async Task Each_field_refuses_identifiers_beside_the_field_masked_and_stores_nothing(string field)
    {
        var (input, submit) = Fields[field];
        var scene = await Scene.CreateAsync(env);

        foreach (var (typed, identifier) in Identifiers.Select(row => ((string)row[0], (string)row[1])))
        {
            var card = await submit(scene, typed);

            var (value, beside) = InputAndNext(card, input);
            Assert.True(beside.Contains("Please remove patient information", StringComparison.Ordinal), $"{field}: no finding beside the field for \u201c{typed}\u201d, but \u201c{beside}\u201d.");
            Assert.DoesNotContain(identifier, value, StringComparison.Ordinal);
            Assert.Contains("\u2022\u2022\u2022", value, StringComparison.Ordinal);
            Assert.DoesNotContain(identifier, card.ToString(), StringComparison.Ordinal);
        }

        var stored = await StoredTextAsync();
        Assert.All(Identifiers.Select(row => (string)row[1]), identifier => Assert.DoesNotContain(identifier, stored, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_fields_take_project_talk_and_the_projects_own_people()
    {
        var scene = await Scene.CreateAsync(env);

        var milestone = CardText.Of(await Fields["milestone name"].Submit(scene, "Integrated testing with Dr. Omar Haddad"));
        var risk = CardText.Of(await Fields["risk description"].Submit(scene, "Nina Patel says ticket INC0012345 is still open"));

        Assert.Contains("Added milestone", milestone, StringComparison.Ordinal);
        Assert.Contains($"Logged {scene.Code}-R", risk, StringComparison.Ordinal);
    }

    /// <summary>The input's value and the text of the element right after it in the card's body.</summary>
    private static (string Value, string Beside) InputAndNext(JObject card, string id)
    {
        var input = CardText.Input(card, id) ?? throw new Xunit.Sdk.XunitException($"The card has no input '{id}': {CardText.Of(card)}");
        var next = input.Parent is JArray siblings && siblings.IndexOf(input) + 1 < siblings.Count ? siblings[siblings.IndexOf(input) + 1] : null;
        return ((string?)input["value"] ?? string.Empty, next is null ? string.Empty : (string?)next["text"] ?? string.Empty);
    }

    /// <summary>Every value of every row in every table, as one text to search.</summary>
    private async Task<string> StoredTextAsync()
    {
        var service = env.Azurite.TableService;
        var all = new System.Text.StringBuilder();
        await foreach (var table in service.QueryAsync())
        {
            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                foreach (var value in row.Select(p => p.Value))
                {
                    all.Append(value).Append('\n');
                }
            }
        }

        return all.ToString();
    }

    private static string NewCode() => "G" + UniqueCodes.Letters(6);

    /// <summary>A project with a PM, the CIO as its sponsor and a nurse; a risk, a concern, a check-in round and a readiness wave made when a field needs one.</summary>
    private sealed class Scene(BotEnvironment env, ProjectConversation pm, ProjectConversation nurse, ProjectConversation cio, string code)
    {
        private string? _risk;
        private int? _concern;
        private string? _round;
        private string? _wave;

        public ProjectConversation Pm => pm;

        public ProjectConversation Nurse => nurse;

        public ProjectConversation Cio => cio;

        public string Code => code;

        public static async Task<Scene> CreateAsync(BotEnvironment env)
        {
            var pm = new ProjectConversation(env, TestActivities.Pm);
            var nurse = new ProjectConversation(env, TestActivities.Nurse);
            var cio = new ProjectConversation(env, TestActivities.Cio);
            await pm.SayAsync("help");
            await nurse.SayAsync("help");
            await cio.SayAsync("help");
            var code = NewCode();
            await pm.SubmitAsync(CardVerbs.CreateProject, new { code, name = "Guarded fields", kind = "Ehr", start = ProjectConversation.Date(0), golive = ProjectConversation.Date(30), end = ProjectConversation.Date(60), timezone = "UTC" });
            await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = TestActivities.CioAadId, role = "Leader", discipline = "Leader" });
            await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = TestActivities.NurseAadId, role = "Stakeholder", discipline = "Nurse" });
            return new Scene(env, pm, nurse, cio, code);
        }

        public async Task<string> RiskAsync()
        {
            if (_risk is null)
            {
                await pm.SubmitAsync(CardVerbs.AddRisk, new { project = code, title = "Label printers jam on 4 West", category = "Vendor", probability = "2", impact = "2" });
                _risk = $"{code}-R1";
            }

            return _risk;
        }

        public async Task<int> ConcernAsync()
        {
            if (_concern is null)
            {
                await nurse.SubmitAsync(CardVerbs.ReportConcern, new { project = code, text = "Night shift has not had downtime training" });
                _concern = 1;
            }

            return _concern.Value;
        }

        public async Task<string> RoundAsync()
        {
            if (_round is null)
            {
                await pm.SayAsync("checkin now");
                var card = MessagesEndpointTests.CardOf(env.Connector.SentActivities(nurse.ConversationId).Last());
                _round = (string)card.Descendants().OfType<JObject>().First(o => (string?)o["verb"] == CardVerbs.SubmitCheckIn)["data"]!["round"]!;
            }

            return _round;
        }

        public async Task<string> WaveAsync()
        {
            if (_wave is null)
            {
                await pm.SubmitAsync(CardVerbs.StartSurvey, new { project = code, name = "pre go-live", days = "7", anonymous = "false" });
                var card = MessagesEndpointTests.CardOf(env.Connector.SentActivities(nurse.ConversationId).Last());
                _wave = (string)card.Descendants().OfType<JObject>().First(o => (string?)o["verb"] == CardVerbs.SubmitSurvey)["data"]!["wave"]!;
            }

            return _wave;
        }
    }
}
