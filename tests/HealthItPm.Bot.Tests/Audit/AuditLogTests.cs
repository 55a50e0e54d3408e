using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Bot.Tests.Teams;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Risks;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Audit;

/// <summary>
/// The audit log through the real host on Azurite: the use cases each append their entry (who, what
/// kind, the project, the id acted on; never what people typed), and only admins read it, a page at a time.
/// </summary>
[Collection(SharedBotEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class AuditLogTests(BotEnvironment env)
{
    private static readonly TenantId Tenant = new(TestActivities.Tenant);
    private static readonly PersonId Pm = new(TestActivities.PmAadId);
    private static readonly PersonId Nurse = new(TestActivities.NurseAadId);

    private static string NewCode() => "A" + UniqueCodes.Letters(6);

    private IAuditLog Log => env.Host.Services.GetRequiredService<IAuditLog>();

    private async Task<(ProjectConversation Pm, ProjectConversation Nurse, string Code)> ProjectAsync()
    {
        var code = NewCode();
        var (pm, nurse) = await ProjectConversation.WithNurseAsync(env, code, "Smart pump interoperability", "Other");
        return (pm, nurse, code);
    }

    private async Task<IReadOnlyList<AuditEntry>> EntriesAsync(string code) =>
        (await Log.ReadAsync(Tenant, new AuditQuery(new ProjectCode(code), ProjectConversation.Today.AddDays(-1), ProjectConversation.Today.AddDays(1)), 100, default))!.Entries;

    [Fact]
    public async Task Each_use_case_that_changes_something_writes_one_entry_newest_first()
    {
        var (pm, nurse, code) = await ProjectAsync();
        var risk = $"{code}-R1";

        await pm.SubmitAsync(CardVerbs.AddMilestone, new { project = code, name = "Build complete", planned = ProjectConversation.Date(10), weight = "1" });
        await pm.SubmitAsync(CardVerbs.AddRisk, new { project = code, title = "Drug library out of date", category = "Vendor", probability = "2", impact = "2" });
        await pm.SubmitAsync(CardVerbs.AssignRiskOwner, new { risk, owner = TestActivities.NurseAadId });
        await nurse.SubmitAsync(CardVerbs.UpdateRisk, new { risk, probability = "3", impact = "2", status = "open" });
        await nurse.SubmitAsync(CardVerbs.ReportConcern, new { project = code, text = "Pump alarms are not reaching the central station" });
        await pm.SubmitAsync(CardVerbs.DismissConcern, new { project = code, concern = 1, reason = "Fixed by the vendor patch" });
        await pm.SayAsync($"checkin now {code}");
        var round = (string)MessagesEndpointTests.CardOf(env.Connector.SentActivities(nurse.ConversationId).Last()).Descendants().OfType<JObject>().First(o => (string?)o["verb"] == CardVerbs.SubmitCheckIn)["data"]!["round"]!;
        await nurse.SubmitAsync(CardVerbs.SubmitCheckIn, new { project = code, round, status = "OnTrack", impact = "1", training = "false" });
        await pm.SayAsync($"checkin stop {code}");
        // Refused: nothing is written for it.
        await nurse.SubmitAsync(CardVerbs.AddMilestone, new { project = code, name = "Not mine to add", planned = ProjectConversation.Date(5), weight = "1" });

        var entries = await EntriesAsync(code);

        Assert.Equal(
            [
                (Pm, ProjectAudit.ProjectCreated, (string?)null),
                (Pm, ProjectAudit.StakeholdersChanged, null),
                (Pm, ProjectAudit.MilestonesChanged, null),
                (Pm, RiskAudit.RiskLogged, risk),
                (Pm, RiskAudit.RiskOwnerAssigned, risk),
                (Nurse, RiskAudit.RiskUpdated, risk),
                (Nurse, RiskAudit.ConcernReported, "concern 1"),
                (Pm, RiskAudit.ConcernDismissed, "concern 1"),
                (Pm, CheckInRounds.Started, round),
                (Nurse, CheckInRounds.Answered, round),
                (Pm, CheckInRounds.Stopped, null),
            ],
            entries.Reverse().Select(e => (e.By, e.Kind, e.Subject)));
        Assert.All(entries, e => Assert.Equal(code, e.Project?.Value));
        Assert.Equal(entries.OrderByDescending(e => e.At), entries);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_readiness_survey_sent_by_hand_is_logged_and_so_are_its_answers_unless_it_is_anonymous(bool anonymous)
    {
        var (pm, nurse, code) = await ProjectAsync();

        await pm.SubmitAsync(CardVerbs.StartSurvey, new { project = code, name = "pre go-live", days = "7", anonymous = anonymous ? "true" : "false" });
        var wave = (string)MessagesEndpointTests.CardOf(env.Connector.SentActivities(nurse.ConversationId).Last()).Descendants().OfType<JObject>().First(o => (string?)o["verb"] == CardVerbs.SubmitSurvey)["data"]!["wave"]!;
        await nurse.SubmitAsync(CardVerbs.SubmitSurvey, new { project = code, wave, awareness = "4", desire = "4", knowledge = "3", ability = "4", reinforcement = "5" });

        var logged = (await EntriesAsync(code)).Reverse().Select(e => (e.By, e.Kind, e.Subject)).Skip(2);
        Assert.Equal(
            anonymous ? [(Pm, AdkarRounds.Started, (string?)wave)] : [(Pm, AdkarRounds.Started, (string?)wave), (Nurse, AdkarRounds.Answered, wave)],
            logged);
    }

    [Fact]
    public async Task Only_admins_read_the_audit_log()
    {
        var (pm, nurse, _) = await ProjectAsync();

        foreach (var person in new[] { pm, nurse })
        {
            var answer = CardText.Of(await person.SayAsync("audit"));
            Assert.Contains("Only HealthItPm admins can see the audit log.", answer, StringComparison.Ordinal);
            Assert.DoesNotContain("Audit log", answer, StringComparison.Ordinal);
        }

        var paging = CardText.Of(await nurse.SubmitAsync(CardVerbs.AuditPage, new { project = "", from = ProjectConversation.Date(-1), to = ProjectConversation.Date(0), after = "202611|0000000000000000000|00000000000000000000000000000000" }));
        Assert.Contains("Only HealthItPm admins can see the audit log.", paging, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_sees_names_and_what_was_done_a_page_at_a_time()
    {
        var (pm, _, code) = await ProjectAsync();
        for (var i = 0; i < 15; i++)
        {
            await pm.SubmitAsync(CardVerbs.AddMilestone, new { project = code, name = $"Step {i}", planned = ProjectConversation.Date(10), weight = "1" });
        }

        var admin = new ProjectConversation(env, TestActivities.Cio);
        var first = await admin.SayAsync($"audit {code}");
        var older = AuditPages.OlderEntriesData(first);
        var second = await admin.SubmitAsync(CardVerbs.AuditPage, older);

        var firstText = CardText.Of(first);
        var secondText = CardText.Of(second);
        Assert.Contains("Audit log", firstText, StringComparison.Ordinal);
        Assert.Contains("Priya Shah · changed the milestones · " + code, firstText, StringComparison.Ordinal);
        Assert.DoesNotContain("created the project", firstText, StringComparison.Ordinal);
        Assert.Contains("Priya Shah · created the project · " + code, secondText, StringComparison.Ordinal);
        Assert.Contains("Priya Shah · changed the stakeholders · " + code, secondText, StringComparison.Ordinal);
        Assert.DoesNotContain(second.Descendants().OfType<JObject>(), o => (string?)o["verb"] == CardVerbs.AuditPage);
        Assert.DoesNotContain("That is every entry in this span.", firstText, StringComparison.Ordinal);
        Assert.Contains("That is every entry in this span.", secondText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("audit EHR yesterday")]
    [InlineData("audit 2026-11-01 2026-11-30 2026-12-01")]
    [InlineData("audit 2026-11-01 EHR")]
    public async Task A_query_the_bot_cannot_read_says_how_to_write_it(string command)
    {
        var admin = new ProjectConversation(env, TestActivities.Cio);

        Assert.Contains("audit EHR 2026-11-01 2026-11-30", CardText.Of(await admin.SayAsync(command)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dates_the_wrong_way_round_are_explained()
    {
        var admin = new ProjectConversation(env, TestActivities.Cio);

        Assert.Contains("The first date must be on or before the second", CardText.Of(await admin.SayAsync("audit 2026-11-30 2026-11-01")), StringComparison.Ordinal);
    }
}
