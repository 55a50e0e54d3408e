using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Bot.Tests.Teams;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Risks;

/// <summary>A critical patient-safety risk through the real host: escalated at once, acknowledged in place, once.</summary>
[Collection(SharedBotEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class RiskFlowTests(BotEnvironment env)
{
    private static string[] Actions(Newtonsoft.Json.Linq.JObject card) => [.. (card["actions"] ?? new Newtonsoft.Json.Linq.JArray()).Select(a => (string)a["title"]!)];

    /// <summary>A project with the CIO as its sponsor (the only leader) and a nurse as stakeholder.</summary>
    private static async Task CreateWithSponsorAndNurseAsync(ProjectConversation pm, string code, string name, string kind)
    {
        await pm.SubmitAsync(CardVerbs.CreateProject, new { code, name, kind, start = ProjectConversation.Date(0), golive = ProjectConversation.Date(30), end = ProjectConversation.Date(60), timezone = "UTC" });
        await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = TestActivities.CioAadId, role = "Leader", discipline = "Leader" });
        await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = TestActivities.NurseAadId, role = "Stakeholder", discipline = "Nurse" });
    }

    /// <summary>The texts a card shows literally (text runs, which never turn into markdown).</summary>
    private static string[] LiteralTexts(Newtonsoft.Json.Linq.JObject card) =>
        [.. card.SelectTokens("$..inlines[*]").Where(i => (string?)i["type"] == "TextRun").Select(i => (string)i["text"]!)];

    /// <summary>The body's element ids and texts in order, so a test can say what comes right after an input.</summary>
    private static string[] Body(Newtonsoft.Json.Linq.JObject card) =>
        [.. card["body"]!.Select(e => (string?)e["id"] ?? (string?)e["text"] ?? (string?)e["type"] ?? string.Empty)];

    private static string NewCode() => "R" + UniqueCodes.Letters(6);

    [Fact]
    public async Task The_register_offers_log_a_risk_only_to_whom_the_access_table_lets_log_one()
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);
        var nurse = new ProjectConversation(env, TestActivities.Nurse);
        await nurse.SayAsync("help");
        var code = NewCode();
        await CreateWithSponsorAndNurseAsync(pm, code, "Smart pumps", "Other");

        Assert.Contains("Log a risk", Actions(await pm.SayAsync($"risks")));
        await nurse.SayAsync($"use {code}");
        var register = await nurse.SayAsync("risks");
        Assert.Contains($"{code} · Risks", CardText.Of(register), StringComparison.Ordinal);
        Assert.DoesNotContain("Log a risk", Actions(register));
    }

    [Fact]
    public async Task A_critical_patient_safety_risk_reaches_the_sponsor_at_once_and_is_acknowledged_once()
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);
        var sponsor = new ProjectConversation(env, TestActivities.Cio);
        var nurse = new ProjectConversation(env, TestActivities.Nurse);
        await sponsor.SayAsync("help");
        var code = NewCode();
        await pm.SubmitAsync(CardVerbs.CreateProject, new { code, name = "Barcode medication administration", kind = "Ehr", start = ProjectConversation.Date(0), golive = ProjectConversation.Date(30), end = ProjectConversation.Date(60), timezone = "UTC" });
        await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = TestActivities.CioAadId, role = "Leader", discipline = "Leader", department = "Executive" });
        await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = TestActivities.NurseAadId, role = "Stakeholder", discipline = "Nurse", department = "4 West" });

        var logged = CardText.Of(await pm.SubmitAsync(CardVerbs.AddRisk, new { project = code, title = "Scanners fail at the bedside on 4 West", category = "PatientSafety", probability = "4", impact = "5", mitigation = "Loaner scanners" }));

        Assert.Contains($"Logged {code}-R1 and escalated it to the sponsor at once: the card is on its way to", logged, StringComparison.Ordinal);
        var escalation = CardText.Of(MessagesEndpointTests.CardOf(env.Connector.SentActivities(sponsor.ConversationId).Last()));
        Assert.Contains($"Escalated risk {code}-R1", escalation, StringComparison.Ordinal);
        Assert.Contains("Critical 20 (P4×I5)", escalation, StringComparison.Ordinal);

        Assert.Contains("Only the leaders", CardText.Of(await nurse.SubmitAsync(CardVerbs.AcknowledgeRisk, new { risk = $"{code}-R1" })), StringComparison.Ordinal);
        var acknowledged = CardText.Of(await sponsor.SubmitAsync(CardVerbs.AcknowledgeRisk, new { risk = $"{code}-R1" }));
        var again = CardText.Of(await sponsor.SubmitAsync(CardVerbs.AcknowledgeRisk, new { risk = $"{code}-R1" }));

        Assert.Contains("Acknowledged by Dr. Marcus Lee", acknowledged, StringComparison.Ordinal);
        Assert.DoesNotContain("\nAcknowledge\n", acknowledged, StringComparison.Ordinal);
        Assert.Contains($"{code}-R1 was already acknowledged by Dr. Marcus Lee on", again, StringComparison.Ordinal);
        Assert.Contains("Acknowledged by Dr. Marcus Lee", again, StringComparison.Ordinal);

        var status = CardText.Of(await pm.SayAsync($"status {code}"));
        Assert.Contains("Status: Red", status, StringComparison.Ordinal);
        Assert.Contains($"Risk {code}-R1 (critical, score 20) is open: Scanners fail at the bedside on 4 West", status, StringComparison.Ordinal);
        Assert.Contains("Top risks", status, StringComparison.Ordinal);

        var history = CardText.Of(await pm.SayAsync($"risk {code}-R1"));
        Assert.Contains("Escalated to Dr. Marcus Lee (level 1): critical risk", history, StringComparison.Ordinal);
        Assert.Contains("Escalation card sent to Dr. Marcus Lee", history, StringComparison.Ordinal);
        Assert.Contains("Acknowledgement notice sent to Priya Shah", history, StringComparison.Ordinal);
        Assert.Contains("✔ Acknowledged by Dr. Marcus Lee at", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_escalation_card_refreshes_for_those_who_may_act_with_only_the_actions_their_role_allows()
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);
        var sponsor = new ProjectConversation(env, TestActivities.Cio);
        var nurse = new ProjectConversation(env, TestActivities.Nurse);
        var outsider = new ProjectConversation(env, TestActivities.Pharmacist);
        await sponsor.SayAsync("help");
        await nurse.SayAsync("help");
        await pm.SayAsync("help");
        var code = NewCode();
        await CreateWithSponsorAndNurseAsync(pm, code, "Smart pumps", "Other");
        await pm.SubmitAsync(CardVerbs.AddRisk, new { project = code, title = "Drug library not loaded on 30 pumps", category = "PatientSafety", probability = "3", impact = "5" });
        var risk = $"{code}-R1";

        var sent = MessagesEndpointTests.CardOf(env.Connector.SentActivities(sponsor.ConversationId).Last());
        Assert.Equal(CardVerbs.ViewRisk, (string?)sent["refresh"]?["action"]?["verb"]);
        Assert.Equal(["29:cio", "29:pm"], sent["refresh"]!["userIds"]!.Select(u => (string)u!).Order(StringComparer.Ordinal));

        var nurseView = await nurse.SubmitAsync(CardVerbs.ViewRisk, new { risk });
        // The sponsor is the CIO, an admin: admins may remove patient details from any project's risk.
        Assert.Equal(
            ["Acknowledge", "Assign owner", "Ask for update", "Accept risk", "Remove patient details"],
            Actions(await sponsor.SubmitAsync(CardVerbs.ViewRisk, new { risk })));
        Assert.Equal(["Assign owner", "Remove patient details"], Actions(await pm.SubmitAsync(CardVerbs.ViewRisk, new { risk })));
        Assert.Empty(Actions(nurseView));
        Assert.Contains($"Escalated risk {risk}", CardText.Of(nurseView), StringComparison.Ordinal);
        Assert.Contains("Escalated (level 1: Dr. Marcus Lee)", CardText.Of(nurseView), StringComparison.Ordinal);
        Assert.Contains("Waiting for acknowledgement since {{DATE(", CardText.Of(await pm.SayAsync("risks")), StringComparison.Ordinal);
        Assert.Contains("You are not on a project with the code", CardText.Of(await outsider.SubmitAsync(CardVerbs.ViewRisk, new { risk })), StringComparison.Ordinal);

        await sponsor.SubmitAsync(CardVerbs.AcknowledgeRisk, new { risk });
        Assert.Contains("A reason for accepting the risk is required.", CardText.Of(await sponsor.SubmitAsync(CardVerbs.AcceptRisk, new { risk, reason = "" })), StringComparison.Ordinal);
        await sponsor.SubmitAsync(CardVerbs.AcceptRisk, new { risk, reason = "Pharmacy loads libraries tonight; pumps stay in the locked room" });
        var refreshed = await sponsor.SubmitAsync(CardVerbs.ViewRisk, new { risk });
        var late = CardText.Of(await sponsor.SubmitAsync(CardVerbs.AcknowledgeRisk, new { risk }));
        // Nothing left to act on, but patient details can still be removed from an accepted risk's texts.
        Assert.Equal(["Remove patient details"], Actions(refreshed));
        Assert.Contains("Accepted because:", CardText.Of(refreshed), StringComparison.Ordinal);
        Assert.Contains($"{risk} was already accepted by Dr. Marcus Lee on", late, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pm_sets_the_escalation_chain_and_clock_and_bad_or_tampered_values_are_refused()
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);
        var nurse = new ProjectConversation(env, TestActivities.Nurse);
        var code = NewCode();
        await CreateWithSponsorAndNurseAsync(pm, code, "Radiology PACS", "PacsRis");
        await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = TestActivities.PhysicianAadId, role = "Leader", discipline = "Physician" });

        var form = await pm.SayAsync("escalation");
        Assert.Equal("240", (string?)CardText.Input(form, "sla")?["value"]);
        Assert.Equal(["Dr. Marcus Lee", "Dr. Omar Haddad"], CardText.Input(form, "level1")!["choices"]!.Select(c => (string)c["title"]!));

        var gap = CardText.Of(await pm.SubmitAsync(CardVerbs.SetEscalation, new { project = code, level1 = TestActivities.PhysicianAadId, level3 = TestActivities.CioAadId, sla = "60", clock = "business" }));
        var twice = CardText.Of(await pm.SubmitAsync(CardVerbs.SetEscalation, new { project = code, level1 = TestActivities.CioAadId, level2 = TestActivities.CioAadId, sla = "60", clock = "business" }));
        var notALeader = CardText.Of(await pm.SubmitAsync(CardVerbs.SetEscalation, new { project = code, level1 = TestActivities.NurseAadId, sla = "60", clock = "business" }));
        var oddSla = CardText.Of(await pm.SubmitAsync(CardVerbs.SetEscalation, new { project = code, level1 = TestActivities.CioAadId, sla = "5", clock = "business" }));
        var refused = CardText.Of(await nurse.SubmitAsync(CardVerbs.SetEscalation, new { project = code, level1 = TestActivities.CioAadId, sla = "60", clock = "always" }));
        var saved = CardText.Of(await pm.SubmitAsync(CardVerbs.SetEscalation, new { project = code, level1 = TestActivities.PhysicianAadId, level2 = TestActivities.CioAadId, sla = "60", clock = "business" }));

        Assert.Contains("Fill the levels in order", gap, StringComparison.Ordinal);
        Assert.Contains("one to three different leaders", twice, StringComparison.Ordinal);
        Assert.Contains("Pick one of the project's leaders.", notALeader, StringComparison.Ordinal);
        Assert.Contains("Pick acknowledge within from the list.", oddSla, StringComparison.Ordinal);
        Assert.Contains("Only the project managers", refused, StringComparison.Ordinal);
        Assert.Contains("Level 1 (sponsor)\nDr. Omar Haddad\nLevel 2\nDr. Marcus Lee", saved, StringComparison.Ordinal);
        Assert.Contains("Acknowledge within\n1 hour\nClock\nWeekdays 08:00–17:00", saved, StringComparison.Ordinal);

        var again = await pm.SayAsync("escalation");
        Assert.Equal(("60", "business", PersonChoice.Value(new HealthItPm.Domain.Common.PersonId(TestActivities.PhysicianAadId))), ((string?)CardText.Input(again, "sla")?["value"], (string?)CardText.Input(again, "clock")?["value"], (string?)CardText.Input(again, "level1")?["value"]));
    }

    [Fact]
    public async Task Accepting_needs_a_reason_and_a_leader_and_the_register_lists_by_score()
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);
        var sponsor = new ProjectConversation(env, TestActivities.Cio);
        var code = NewCode();
        await pm.SubmitAsync(CardVerbs.CreateProject, new { code, name = "Patient portal", kind = "PatientPortal", start = ProjectConversation.Date(0), golive = ProjectConversation.Date(30), end = ProjectConversation.Date(60), timezone = "UTC" });
        await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = TestActivities.CioAadId, role = "Leader", discipline = "Leader" });
        await pm.SubmitAsync(CardVerbs.AddRisk, new { project = code, title = "Proxy access rules unclear", category = "PrivacyRegulatory", probability = "2", impact = "4" });
        await pm.SubmitAsync(CardVerbs.AddRisk, new { project = code, title = "Low enrolment in clinics", category = "Adoption", probability = "3", impact = "2" });

        var noReason = CardText.Of(await sponsor.SubmitAsync(CardVerbs.AcceptRisk, new { risk = $"{code}-R1", reason = " " }));
        var accepted = CardText.Of(await sponsor.SubmitAsync(CardVerbs.AcceptRisk, new { risk = $"{code}-R1", reason = "Legal review scheduled; interim policy in place" }));
        var register = CardText.Of(await pm.SayAsync($"risks"));

        Assert.Contains("A reason for accepting the risk is required.", noReason, StringComparison.Ordinal);
        Assert.Contains("Legal review scheduled; interim policy in place", accepted, StringComparison.Ordinal);
        Assert.Contains($"{code}-R2", register, StringComparison.Ordinal);
        Assert.Contains($"{code}-R1 · Proxy access rules unclear · Accepted", register, StringComparison.Ordinal);
        var adoption = CardText.Of(await pm.SayAsync("risks adoption"));
        Assert.Contains($"{code}-R2", adoption, StringComparison.Ordinal);
        Assert.DoesNotContain($"{code}-R1", adoption, StringComparison.Ordinal);
        Assert.Contains($"{code}-R1", CardText.Of(await pm.SayAsync("risks accepted")), StringComparison.Ordinal);
        Assert.DoesNotContain($"{code}-R2", CardText.Of(await pm.SayAsync("risks critical")), StringComparison.Ordinal);
        Assert.Contains($"{code}-R1", CardText.Of(await pm.SayAsync("risks privacy / regulatory")), StringComparison.Ordinal);
        Assert.Contains("I can't filter by that", CardText.Of(await pm.SayAsync("risks purple")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Owners_are_assigned_by_those_who_may_and_an_update_request_reaches_the_owner()
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);
        var sponsor = new ProjectConversation(env, TestActivities.Cio);
        var nurse = new ProjectConversation(env, TestActivities.Nurse);
        await nurse.SayAsync("help");
        var code = NewCode();
        await CreateWithSponsorAndNurseAsync(pm, code, "e-Prescribing", "EPrescribing");
        await pm.SubmitAsync(CardVerbs.AddRisk, new { project = code, title = "EPCS two-factor tokens late", category = "Vendor", probability = "3", impact = "3" });
        var risk = $"{code}-R1";

        var refused = CardText.Of(await nurse.SubmitAsync(CardVerbs.AssignRiskOwner, new { risk, owner = TestActivities.NurseAadId }));
        var outsider = CardText.Of(await sponsor.SubmitAsync(CardVerbs.AssignRiskOwner, new { risk, owner = TestActivities.PharmacistAadId }));
        var assigned = CardText.Of(await sponsor.SubmitAsync(CardVerbs.AssignRiskOwner, new { risk, owner = TestActivities.NurseAadId }));
        var asked = CardText.Of(await sponsor.SubmitAsync(CardVerbs.AskForRiskUpdate, new { risk }));

        Assert.Contains("Only the project managers", refused, StringComparison.Ordinal);
        Assert.Contains("The owner must be someone on the project.", outsider, StringComparison.Ordinal);
        Assert.Contains("Owner\nNina Patel (RN)", assigned, StringComparison.Ordinal);
        Assert.Contains("Update requested from the owner.", asked, StringComparison.Ordinal);
        var request = MessagesEndpointTests.CardOf(env.Connector.SentActivities(nurse.ConversationId).Last());
        Assert.Contains($"Update requested on {risk}", CardText.Of(request), StringComparison.Ordinal);
        var next = (Newtonsoft.Json.Linq.JObject)request["actions"]![0]!["data"]!;
        Assert.Equal((CardVerbs.RunCommand, $"risk update {risk}"), ((string?)next["verb"], (string?)next["command"]));
        Assert.Contains($"Update {risk}", CardText.Of(await nurse.SubmitAsync(CardVerbs.RunCommand, new { command = (string)next["command"]! })), StringComparison.Ordinal);
        Assert.Contains("Only the leaders", CardText.Of(await pm.SubmitAsync(CardVerbs.AskForRiskUpdate, new { risk })), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_risk_re_rated_to_critical_escalates_at_once_and_can_be_closed()
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);
        var sponsor = new ProjectConversation(env, TestActivities.Cio);
        var nurse = new ProjectConversation(env, TestActivities.Nurse);
        await sponsor.SayAsync("help");
        var code = NewCode();
        await CreateWithSponsorAndNurseAsync(pm, code, "Telemetry monitors", "Other");
        await pm.SubmitAsync(CardVerbs.AddRisk, new { project = code, title = "Alarm routing to phones untested", category = "TechnicalIntegration", probability = "2", impact = "3" });
        var risk = $"{code}-R1";
        var before = env.Connector.SentActivities(sponsor.ConversationId).Count();

        Assert.Contains("Update", CardText.Of(await pm.SayAsync($"risk update {risk}")), StringComparison.Ordinal);
        var halfPlan = CardText.Of(await pm.SubmitAsync(CardVerbs.UpdateRisk, new { risk, probability = "4", impact = "4", mitigation = "Test every alarm path", status = "open" }));
        var refused = CardText.Of(await nurse.SubmitAsync(CardVerbs.UpdateRisk, new { risk, probability = "1", impact = "1", status = "closed" }));
        var rerated = CardText.Of(await pm.SubmitAsync(CardVerbs.UpdateRisk, new { risk, probability = "4", impact = "4", mitigation = "Test every alarm path", due = ProjectConversation.Date(7), status = "open" }));

        Assert.Contains("A mitigation needs both what will be done and by when.", halfPlan, StringComparison.Ordinal);
        Assert.Contains("Only the project managers", refused, StringComparison.Ordinal);
        Assert.Contains($"Updated {risk} and escalated it to the sponsor at once: the card is on its way to", rerated, StringComparison.Ordinal);
        Assert.Equal(before + 1, env.Connector.SentActivities(sponsor.ConversationId).Count());

        var closed = CardText.Of(await pm.SubmitAsync(CardVerbs.UpdateRisk, new { risk, probability = "4", impact = "4", mitigation = "Test every alarm path", due = ProjectConversation.Date(7), status = "closed" }));
        Assert.Contains("Closed", closed, StringComparison.Ordinal);
        Assert.Contains($"{risk} is closed", CardText.Of(await pm.SubmitAsync(CardVerbs.UpdateRisk, new { risk, probability = "1", impact = "1", status = "open" })), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_concern_reaches_the_pms_who_log_it_as_a_risk_or_dismiss_it_once()
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);
        var nurse = new ProjectConversation(env, TestActivities.Nurse);
        var outsider = new ProjectConversation(env, TestActivities.Pharmacist);
        await pm.SayAsync("help");
        var code = NewCode();
        await pm.SubmitAsync(CardVerbs.CreateProject, new { code, name = "Downtime readiness", kind = "Ehr", start = ProjectConversation.Date(0), golive = ProjectConversation.Date(30), end = ProjectConversation.Date(60), timezone = "UTC" });
        await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = TestActivities.NurseAadId, role = "Stakeholder", discipline = "Nurse" });

        var phiForm = await nurse.SubmitAsync(CardVerbs.ReportConcern, new { project = code, text = "Mrs. Okafor in bed 4 got the wrong diet order" });
        var phi = CardText.Of(phiForm);
        Assert.DoesNotContain("Okafor", (string?)CardText.Input(phiForm, "text")!["value"], StringComparison.Ordinal);
        var refused = CardText.Of(await outsider.SubmitAsync(CardVerbs.ReportConcern, new { project = code, text = "Scanners are slow" }));
        var sent = CardText.Of(await nurse.SubmitAsync(CardVerbs.ReportConcern, new { project = code, text = "Night shift has not had downtime training" }));
        var second = CardText.Of(await nurse.SubmitAsync(CardVerbs.ReportConcern, new { project = code, text = "Label printers jam on 4 West" }));

        Assert.Contains("Please remove patient information first", phi, StringComparison.Ordinal);
        Assert.Contains($"You are not on a project with the code {code}.", refused, StringComparison.Ordinal);
        Assert.Contains($"It is {code} concern #1.", sent, StringComparison.Ordinal);
        Assert.Contains($"It is {code} concern #2.", second, StringComparison.Ordinal);
        var toPm = CardText.Of(MessagesEndpointTests.CardOf(env.Connector.SentActivities(pm.ConversationId).Last(a => a.ToString().Contains($"{code} concern #1", StringComparison.Ordinal))));
        Assert.Contains("from Nina Patel (RN)", toPm, StringComparison.Ordinal);

        var form = await pm.SubmitAsync(CardVerbs.LogConcernAsRisk, new { project = code, concern = 1 });
        Assert.Equal("Night shift has not had downtime training", (string?)CardText.Input(form, "title")!["value"]);
        Assert.Contains("Only the project managers", CardText.Of(await nurse.SubmitAsync(CardVerbs.DismissConcern, new { project = code, concern = 2, reason = "no" })), StringComparison.Ordinal);
        await pm.SubmitAsync(CardVerbs.AddRisk, new { project = code, concern = "1", title = "Night shift has not had downtime training", category = "Adoption", probability = "3", impact = "3" });
        var dismissed = CardText.Of(await pm.SubmitAsync(CardVerbs.DismissConcern, new { project = code, concern = 2, reason = "Printers are replaced next week" }));

        Assert.Contains($"Logged as risk {code}-R1", CardText.Of(await pm.SubmitAsync(CardVerbs.LogConcernAsRisk, new { project = code, concern = 1 })), StringComparison.Ordinal);
        Assert.Contains("Dismissed", dismissed, StringComparison.Ordinal);
        Assert.Contains("This concern was already dismissed.", CardText.Of(await pm.SubmitAsync(CardVerbs.DismissConcern, new { project = code, concern = 2, reason = "again" })), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_description_is_on_the_risk_card_and_the_escalation_card_as_written()
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);
        var sponsor = new ProjectConversation(env, TestActivities.Cio);
        await sponsor.SayAsync("help");
        var code = NewCode();
        await CreateWithSponsorAndNurseAsync(pm, code, "Bedside scanning", "Ehr");
        const string description = "Scanners drop **Wi-Fi** in 4 West rooms 10-18; [see the log](https://wiki.hospital.example) _before_ go-live";

        var logged = await pm.SubmitAsync(CardVerbs.AddRisk, new { project = code, title = "Scanners fail at the bedside", description, category = "PatientSafety", probability = "4", impact = "5" });
        var escalation = MessagesEndpointTests.CardOf(env.Connector.SentActivities(sponsor.ConversationId).Last());

        Assert.Contains(description, LiteralTexts(logged));
        Assert.Contains(description, LiteralTexts(escalation));
        Assert.Contains(description, LiteralTexts(await sponsor.SubmitAsync(CardVerbs.ViewRisk, new { risk = $"{code}-R1" })));
    }

    [Fact]
    public async Task A_refused_action_brings_the_same_card_back_with_the_message_beside_the_field_and_the_buttons_kept()
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);
        var sponsor = new ProjectConversation(env, TestActivities.Cio);
        var nurse = new ProjectConversation(env, TestActivities.Nurse);
        await sponsor.SayAsync("help");
        var code = NewCode();
        await CreateWithSponsorAndNurseAsync(pm, code, "Smart pumps", "Other");
        await pm.SubmitAsync(CardVerbs.AddRisk, new { project = code, title = "Drug library not loaded on 30 pumps", category = "PatientSafety", probability = "4", impact = "5" });
        var risk = $"{code}-R1";

        var noReason = await sponsor.SubmitAsync(CardVerbs.AcceptRisk, new { risk, reason = "  " });
        var badOwner = await sponsor.SubmitAsync(CardVerbs.AssignRiskOwner, new { risk, owner = TestActivities.PharmacistAadId });

        Assert.Equal(["Acknowledge", "Assign owner", "Ask for update", "Accept risk", "Remove patient details"], Actions(noReason));
        Assert.DoesNotContain("That didn't work", CardText.Of(noReason), StringComparison.Ordinal);
        var body = Body(noReason);
        Assert.Equal("A reason for accepting the risk is required.", body[Array.IndexOf(body, "reason") + 1]);
        Assert.Equal(["Acknowledge", "Assign owner", "Ask for update", "Accept risk", "Remove patient details"], Actions(badOwner));
        var ownerBody = Body(badOwner);
        Assert.Equal("The owner must be someone on the project.", ownerBody[Array.IndexOf(ownerBody, "owner") + 1]);

        await nurse.SubmitAsync(CardVerbs.ReportConcern, new { project = code, text = "Pump drug library version differs on 5 West" });
        var dismissWithoutReason = await pm.SubmitAsync(CardVerbs.DismissConcern, new { project = code, concern = 1, reason = "" });
        Assert.Equal(["Log as risk", "Dismiss", "Remove patient details"], Actions(dismissWithoutReason));
        var concernBody = Body(dismissWithoutReason);
        Assert.Equal("A reason for dismissing the concern is required.", concernBody[Array.IndexOf(concernBody, "reason") + 1]);
    }

    [Fact]
    public async Task The_reporter_hears_which_risk_their_concern_became_or_why_it_was_dismissed()
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);
        var nurse = new ProjectConversation(env, TestActivities.Nurse);
        await nurse.SayAsync("help");
        var code = NewCode();
        await CreateWithSponsorAndNurseAsync(pm, code, "Downtime readiness", "Ehr");
        await nurse.SubmitAsync(CardVerbs.ReportConcern, new { project = code, text = "Night shift has not had downtime training" });
        await nurse.SubmitAsync(CardVerbs.ReportConcern, new { project = code, text = "Label printers jam on 4 West" });
        var before = env.Connector.SentActivities(nurse.ConversationId).Count();

        var logged = await pm.SubmitAsync(CardVerbs.AddRisk, new { project = code, concern = "1", title = "Night shift has not had downtime training", category = "Adoption", probability = "3", impact = "3" });
        await pm.SubmitAsync(CardVerbs.DismissConcern, new { project = code, concern = 2, reason = "Printers are *replaced* next week" });

        Assert.Contains("Raised by Nina Patel (RN): Night shift has not had downtime training", LiteralTexts(logged));
        var told = env.Connector.SentActivities(nurse.ConversationId).Skip(before).Select(MessagesEndpointTests.CardOf).ToList();
        Assert.Equal(2, told.Count);
        Assert.Contains($"The project managers logged it as risk {code}-R1.", CardText.Of(told[0]), StringComparison.Ordinal);
        Assert.Equal([$"Open {code}-R1"], Actions(told[0]));
        Assert.Contains("The project managers dismissed it, saying:", CardText.Of(told[1]), StringComparison.Ordinal);
        Assert.Contains("Printers are *replaced* next week", LiteralTexts(told[1]));
    }

    [Fact]
    public async Task After_a_leader_acknowledges_the_register_and_card_say_who_and_when_and_the_pms_are_told()
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);
        var sponsor = new ProjectConversation(env, TestActivities.Cio);
        await sponsor.SayAsync("help");
        await pm.SayAsync("help");
        var code = NewCode();
        await CreateWithSponsorAndNurseAsync(pm, code, "Telemetry", "Other");
        await pm.SubmitAsync(CardVerbs.AddRisk, new { project = code, title = "Alarm routing to phones untested", category = "PatientSafety", probability = "4", impact = "5" });
        var risk = $"{code}-R1";
        var before = env.Connector.SentActivities(pm.ConversationId).Count();

        await sponsor.SubmitAsync(CardVerbs.AcknowledgeRisk, new { risk });

        var register = CardText.Of(await pm.SayAsync($"risks"));
        Assert.Contains("Acknowledged by Dr. Marcus Lee at {{DATE(", register, StringComparison.Ordinal);
        Assert.DoesNotContain("Escalated (level 1", register, StringComparison.Ordinal);
        var card = CardText.Of(await pm.SubmitAsync(CardVerbs.ViewRisk, new { risk }));
        Assert.Contains("Status\nAcknowledged\n", card, StringComparison.Ordinal);
        Assert.Contains("Acknowledged by Dr. Marcus Lee at {{DATE(", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Escalated (level 1", card, StringComparison.Ordinal);
        var told = env.Connector.SentActivities(pm.ConversationId).Skip(before).Select(a => CardText.Of(MessagesEndpointTests.CardOf(a))).ToList();
        Assert.Contains(told, t => t.Contains($"Dr. Marcus Lee acknowledged {risk}.", StringComparison.Ordinal) && t.Contains("Acknowledged by Dr. Marcus Lee at", StringComparison.Ordinal));
        Assert.Contains("Acknowledgement notice sent to Priya Shah", CardText.Of(await pm.SayAsync($"risk {risk}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_concern_is_shown_only_to_the_pms_and_others_are_answered_the_same_whether_it_exists_or_not()
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);
        var nurse = new ProjectConversation(env, TestActivities.Nurse);
        var outsider = new ProjectConversation(env, TestActivities.Pharmacist);
        var code = NewCode();
        await CreateWithSponsorAndNurseAsync(pm, code, "Downtime readiness", "Ehr");
        await nurse.SubmitAsync(CardVerbs.ReportConcern, new { project = code, text = "Night shift has not had downtime training" });
        await nurse.SubmitAsync(CardVerbs.ReportConcern, new { project = code, text = "Label printers jam on 4 West" });
        await pm.SubmitAsync(CardVerbs.AddRisk, new { project = code, concern = "1", title = "Night shift has not had downtime training", category = "Adoption", probability = "3", impact = "3" });
        await pm.SubmitAsync(CardVerbs.DismissConcern, new { project = code, concern = 2, reason = "Printers are replaced next week" });

        foreach (var (who, verb) in new[] { (outsider, CardVerbs.LogConcernAsRisk), (outsider, CardVerbs.DismissConcern), (nurse, CardVerbs.LogConcernAsRisk), (nurse, CardVerbs.DismissConcern) })
        {
            var answers = new List<string>();
            foreach (var number in new[] { 1, 2, 99 })
            {
                answers.Add(CardText.Of(await who.SubmitAsync(verb, new { project = code, concern = number, reason = "x" })));
            }

            // Someone on the project hears who may; an outsider hears that they are on no such project.
            Assert.All(answers, a => Assert.Matches(@"\*\*Not allowed\*\*|\*\*Not found\*\*\nYou are not on a project", a));
            Assert.All(answers, a => Assert.DoesNotContain("Night shift", a, StringComparison.Ordinal));
            Assert.All(answers, a => Assert.DoesNotContain("Printers", a, StringComparison.Ordinal));
            Assert.Single(answers.Distinct());
        }
    }

    [Fact]
    public async Task Bad_risk_input_is_answered_on_the_form()
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);
        var code = NewCode();
        await pm.SubmitAsync(CardVerbs.CreateProject, new { code, name = "PACS", kind = "PacsRis", start = ProjectConversation.Date(0), golive = ProjectConversation.Date(30), end = ProjectConversation.Date(60), timezone = "UTC" });

        var form = CardText.Of(await pm.SubmitAsync(CardVerbs.AddRisk, new { project = code, title = "", category = "Meteor", probability = "9", impact = "3" }));

        Assert.Contains("Risk is required.", form, StringComparison.Ordinal);
        Assert.Contains("Pick category from the list.", form, StringComparison.Ordinal);
        Assert.Contains("Pick probability (1 rare – 5 almost certain) from the list.", form, StringComparison.Ordinal);
        Assert.Contains("There is no risk", CardText.Of(await pm.SayAsync($"risk {code}-R9")), StringComparison.Ordinal);
    }
}
