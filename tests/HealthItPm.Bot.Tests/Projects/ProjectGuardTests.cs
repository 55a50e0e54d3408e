using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Projects;

/// <summary>Roles, tampered card data and wrong values, through the real host.</summary>
[Collection(SharedBotEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class ProjectGuardTests(BotEnvironment env)
{
    private static string NewCode() => "P" + UniqueCodes.Letters(6);

    private async Task<(ProjectConversation Pm, string Code)> ProjectWithNurseAsync()
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);
        var code = NewCode();
        await pm.SubmitAsync(CardVerbs.CreateProject, new { code, name = "PACS upgrade", kind = "PacsRis", start = ProjectConversation.Date(0), golive = ProjectConversation.Date(30), end = ProjectConversation.Date(60), timezone = "America/Chicago" });
        await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = TestActivities.NurseAadId, role = "Stakeholder", discipline = "Nurse", department = "Radiology" });
        return (pm, code);
    }

    [Fact]
    public async Task A_new_project_says_once_what_to_do_next()
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);

        var created = CardText.Of(await pm.SubmitAsync(CardVerbs.CreateProject, new { code = NewCode(), name = "Bar-code scanning", kind = "Other", start = ProjectConversation.Date(0), golive = ProjectConversation.Date(30), end = ProjectConversation.Date(60), timezone = "UTC" }));

        Assert.Contains("It is now the current project here.", created, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(created, "Next:"));
        Assert.Contains("stakeholder add", created, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_not_allowed_to_be_a_pm_cannot_create_a_project()
    {
        var nurse = new ProjectConversation(env, TestActivities.Nurse);

        var answer = CardText.Of(await nurse.SubmitAsync(CardVerbs.CreateProject, new { code = NewCode(), name = "Shadow IT", kind = "Other", start = ProjectConversation.Date(0), golive = ProjectConversation.Date(1), end = ProjectConversation.Date(2), timezone = "UTC" }));

        Assert.Contains("Ask your admin", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_not_allowed_to_be_a_pm_is_refused_before_the_new_project_form_in_the_words_create_refuses_with()
    {
        var nurse = new ProjectConversation(env, TestActivities.Nurse);

        var asked = await nurse.SayAsync("project new");
        var atCreate = await nurse.SubmitAsync(CardVerbs.CreateProject, new
        {
            code = NewCode(), name = "Shadow IT", kind = "Other", start = ProjectConversation.Date(0), golive = ProjectConversation.Date(1),
            end = ProjectConversation.Date(2), timezone = "UTC",
        });

        Assert.Null(CardText.Input(asked, "code"));
        Assert.Contains("Ask your admin", CardText.Of(asked), StringComparison.Ordinal);
        Assert.Equal(CardText.Of(atCreate), CardText.Of(asked));
        Assert.NotNull(CardText.Input(await new ProjectConversation(env, TestActivities.Pm).SayAsync("project new"), "code"));
    }

    [Fact]
    public async Task A_stakeholder_asking_for_a_pm_form_is_told_who_can()
    {
        var (_, code) = await ProjectWithNurseAsync();
        var nurse = new ProjectConversation(env, TestActivities.Nurse);
        await nurse.SayAsync($"use {code}");

        var answer = CardText.Of(await nurse.SayAsync("milestone add"));

        Assert.Contains("Only the project managers of PACS upgrade (Priya Shah) can do that.", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_submit_from_a_stakeholder_changes_nothing()
    {
        var (pm, code) = await ProjectWithNurseAsync();
        var nurse = new ProjectConversation(env, TestActivities.Nurse);

        var answer = CardText.Of(await nurse.SubmitAsync(CardVerbs.SetBudget, new { project = code, bac = "1" }));

        Assert.Contains("Only the project managers", answer, StringComparison.Ordinal);
        Assert.Contains("not set", CardText.Of(await pm.SayAsync($"budget {code}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outsider_cannot_see_the_project()
    {
        var (_, code) = await ProjectWithNurseAsync();
        var pharmacist = new ProjectConversation(env, TestActivities.Pharmacist);

        var answer = CardText.Of(await pharmacist.SayAsync($"status {code}"));

        Assert.Contains($"You are not on a project with the code {code}.", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("PACS upgrade", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submit_for_an_unknown_project_says_so()
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);

        var answer = CardText.Of(await pm.SubmitAsync(CardVerbs.AddMilestone, new { project = "NOSUCH", name = "X", planned = ProjectConversation.Date(1), weight = "1" }));

        Assert.Contains("You are not on a project with the code NOSUCH.", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_values_show_the_form_again_with_messages_and_entries_kept()
    {
        var (pm, code) = await ProjectWithNurseAsync();

        var form = await pm.SubmitAsync(CardVerbs.AddMilestone, new { project = code, name = "Modality worklist live", planned = "next tuesday", weight = "0" });

        var text = CardText.Of(form);
        Assert.Contains("Planned date must be a date", text, StringComparison.Ordinal);
        Assert.Contains("Weight (share of the work) must be between 0.01 and 1,000.", text, StringComparison.Ordinal);
        Assert.Equal("Modality worklist live", (string?)CardText.Input(form, "name")!["value"]);
    }

    [Fact]
    public async Task A_duplicate_milestone_is_explained_on_the_form()
    {
        var (pm, code) = await ProjectWithNurseAsync();
        await pm.SubmitAsync(CardVerbs.AddMilestone, new { project = code, name = "Go-live", planned = ProjectConversation.Date(30), weight = "10" });

        var form = await pm.SubmitAsync(CardVerbs.AddMilestone, new { project = code, name = "go-live", planned = ProjectConversation.Date(31), weight = "5" });

        Assert.Contains("There is already a milestone called \u201cgo-live\u201d.", CardText.Of(form), StringComparison.Ordinal);
        Assert.NotNull(CardText.Input(form, "weight"));
    }

    [Fact]
    public async Task A_new_project_with_a_past_go_live_and_a_taken_code_is_refused_on_the_form()
    {
        var (pm, code) = await ProjectWithNurseAsync();

        var past = CardText.Of(await pm.SubmitAsync(CardVerbs.CreateProject, new { code = NewCode(), name = "Late", kind = "Ehr", start = ProjectConversation.Date(-30), golive = ProjectConversation.Date(-2), end = ProjectConversation.Date(10), timezone = "UTC" }));
        var taken = CardText.Of(await pm.SubmitAsync(CardVerbs.CreateProject, new { code, name = "Again", kind = "Ehr", start = ProjectConversation.Date(0), golive = ProjectConversation.Date(5), end = ProjectConversation.Date(10), timezone = "UTC" }));
        var badCode = CardText.Of(await pm.SubmitAsync(CardVerbs.CreateProject, new { code = "9X", name = "Bad", kind = "Ehr", start = ProjectConversation.Date(0), golive = ProjectConversation.Date(5), end = ProjectConversation.Date(10), timezone = "Mars/Base" }));

        Assert.Contains("The go-live date is in the past", past, StringComparison.Ordinal);
        Assert.Contains($"There is already a project with the code {code}", taken, StringComparison.Ordinal);
        Assert.Contains("Use 2 to 10 letters or digits", badCode, StringComparison.Ordinal);
        Assert.Contains("Pick time zone from the list.", badCode, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Picking_someone_not_in_the_roster_is_refused()
    {
        var (pm, code) = await ProjectWithNurseAsync();

        var form = CardText.Of(await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = Guid.NewGuid().ToString(), role = "Leader", discipline = "Leader" }));

        Assert.Contains("Pick people from the list.", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Colleagues_who_use_the_bot_are_offered_besides_the_conversations_members()
    {
        var (pm, code) = await ProjectWithNurseAsync();
        await new ProjectConversation(env, TestActivities.ItAnalyst).SayAsync("help");

        var form = CardText.Of(await pm.SayAsync("stakeholder add"));
        var added = CardText.Of(await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = TestActivities.ItAnalyst.AadObjectId, role = "Stakeholder", discipline = "It" }));

        Assert.Contains("Sam Rivera (IT)", form, StringComparison.Ordinal);
        Assert.Contains("Sam Rivera (IT) — IT", added, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mentioned_person_comes_pre_selected()
    {
        var (pm, _) = await ProjectWithNurseAsync();

        var form = await pm.SayAsync("stakeholder add <at>Grace Kim, PharmD</at>", a => a.Entities = [new Microsoft.Bot.Schema.Mention(TestActivities.Pharmacist, "<at>Grace Kim, PharmD</at>")]);

        Assert.Equal(PersonChoice.Value(new Domain.Common.PersonId(TestActivities.PharmacistAadId)), (string?)CardText.Input(form, "people")!["value"]);
    }

    [Fact]
    public async Task People_added_from_a_group_chat_can_be_reached_through_it_later()
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);
        var code = "C" + UniqueCodes.Letters(6);
        await pm.SubmitAsync(CardVerbs.CreateProject, new { code, name = "Sepsis alert", kind = "Ehr", start = ProjectConversation.Date(0), golive = ProjectConversation.Date(30), end = ProjectConversation.Date(60), timezone = "UTC" });
        var group = "19:" + Guid.NewGuid().ToString("N") + "@thread.v2";
        var submit = TestActivities.Base(Microsoft.Bot.Schema.ActivityTypes.Invoke, env.Connector.ServiceUrl, group, TestActivities.Tenant, "groupChat", from: TestActivities.Pm);
        submit.Name = "adaptiveCard/action";
        submit.Value = new Newtonsoft.Json.Linq.JObject
        {
            ["action"] = new Newtonsoft.Json.Linq.JObject { ["type"] = "Action.Execute", ["verb"] = CardVerbs.AddStakeholders, ["data"] = Newtonsoft.Json.Linq.JObject.FromObject(new { project = code, people = TestActivities.PharmacistAadId, role = "Stakeholder", discipline = "Pharmacist" }) },
        };

        await env.Host.PostAsync(submit);

        var route = await env.Host.Services.GetRequiredService<HealthItPm.Bot.Storage.ConversationReferenceTable>().GetRouteAsync(new Domain.Common.TenantId(TestActivities.Tenant), new Domain.Common.PersonId(TestActivities.PharmacistAadId), default);
        Assert.Equal((group, "29:pharmacist"), route);
    }

    [Fact]
    public async Task Project_list_and_use_follow_membership()
    {
        var (_, code) = await ProjectWithNurseAsync();
        var nurse = new ProjectConversation(env, TestActivities.Nurse);

        var list = CardText.Of(await nurse.SayAsync("project list"));
        var used = CardText.Of(await nurse.SubmitAsync(CardVerbs.UseProject, new { project = code }));
        var again = CardText.Of(await nurse.SayAsync("project list"));

        Assert.Contains(code, list, StringComparison.Ordinal);
        Assert.Contains($"{code} · PACS upgrade", used, StringComparison.Ordinal);
        Assert.Contains("_(current)_", again, StringComparison.Ordinal);
    }
}

[Collection(SharedBotEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class HelpByRoleTests(BotEnvironment env)
{
    [Fact]
    public async Task Help_lists_project_manager_commands_only_to_people_who_manage_projects()
    {
        // Help offers what the person may do on their projects: the nurse is on one, as a stakeholder.
        var (pm, nurse, _) = await NurseProject.CreateAsync(env, "HB");
        var forNurse = CardText.Of(await nurse.SayAsync("help"));
        var forPm = CardText.Of(await pm.SayAsync("help"));

        Assert.Contains("status", forNurse, StringComparison.Ordinal);
        Assert.DoesNotContain("milestone add", forNurse, StringComparison.Ordinal);
        Assert.DoesNotContain("For project managers", forNurse, StringComparison.Ordinal);
        Assert.Contains("For project managers", forPm, StringComparison.Ordinal);
        Assert.Contains("milestone add", forPm, StringComparison.Ordinal);
    }
}

[Collection(SharedBotEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class ProjectManagerGrantTests(BotEnvironment env)
{
    [Fact]
    public async Task An_admin_allows_someone_to_create_projects_and_nobody_else_can()
    {
        var nurse = new ProjectConversation(env, TestActivities.Nurse);
        var cio = new ProjectConversation(env, TestActivities.Cio);
        var physician = new ProjectConversation(env, TestActivities.Physician);

        Assert.Contains("Only HealthItPm admins", CardText.Of(await nurse.SayAsync("pm allow")), StringComparison.Ordinal);
        Assert.Contains("Only HealthItPm admins", CardText.Of(await nurse.SubmitAsync(CardVerbs.AllowProjectManagers, new { people = TestActivities.NurseAadId })), StringComparison.Ordinal);
        Assert.Contains("Dr. Omar Haddad", CardText.Of(await cio.SayAsync("pm allow")), StringComparison.Ordinal);
        var granted = CardText.Of(await cio.SubmitAsync(CardVerbs.AllowProjectManagers, new { people = TestActivities.PhysicianAadId }));
        Assert.Contains("Dr. Omar Haddad", granted, StringComparison.Ordinal);

        var code = "G" + UniqueCodes.Letters(6);
        var created = CardText.Of(await physician.SubmitAsync(CardVerbs.CreateProject, new { code, name = "e-Prescribing", kind = "EPrescribing", start = ProjectConversation.Date(0), golive = ProjectConversation.Date(30), end = ProjectConversation.Date(60), timezone = "UTC" }));
        var refused = CardText.Of(await nurse.SubmitAsync(CardVerbs.CreateProject, new { code = code + "X", name = "Shadow", kind = "Other", start = ProjectConversation.Date(0), golive = ProjectConversation.Date(30), end = ProjectConversation.Date(60), timezone = "UTC" }));

        Assert.Contains($"Created {code}", created, StringComparison.Ordinal);
        Assert.Contains("Ask your admin", refused, StringComparison.Ordinal);
    }
}
