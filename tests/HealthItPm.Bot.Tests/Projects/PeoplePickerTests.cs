using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Features.People;
using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Common;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Projects;

/// <summary>
/// Finding people to add from anywhere: the bot joining a team makes its members findable by typing
/// (Teams' typeahead asks through <c>application/search</c>), and picking dozens at once works.
/// </summary>
[Collection(SharedBotEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class PeoplePickerTests(BotEnvironment env)
{
    private static readonly TenantId Tenant = new(TestActivities.Tenant);

    private async Task<JArray> SearchAsync(string typed, string dataset = PeopleSearch.Dataset, ChannelAccount? from = null)
    {
        var search = TestActivities.Base(ActivityTypes.Invoke, env.Connector.ServiceUrl, "a:" + Guid.NewGuid().ToString("N"), TestActivities.Tenant, from: from ?? TestActivities.Pm);
        search.Name = "application/search";
        search.Value = new JObject { ["queryText"] = typed, ["queryOptions"] = new JObject { ["skip"] = 0, ["top"] = 15 }, ["dataset"] = dataset };
        var response = await env.Host.PostAsync(search);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("application/vnd.microsoft.search.searchResponse", (string?)body["type"]);
        return (JArray)body["value"]!["results"]!;
    }

    // Everyone the bot knows is searched for those who may add stakeholders: the PM, once on a project.
    private async Task PmOnAProjectAsync()
    {
        var code = "P" + UniqueCodes.Letters(6);
        await new ProjectConversation(env, TestActivities.Pm).SubmitAsync(CardVerbs.CreateProject, new { code, name = "Nurse scheduling", kind = "Ehr", start = ProjectConversation.Date(0), golive = ProjectConversation.Date(30), end = ProjectConversation.Date(60), timezone = "UTC" });
    }

    [Fact]
    public async Task The_members_of_a_team_the_bot_joins_are_found_by_typing_part_of_their_name_from_a_personal_chat()
    {
        await PmOnAProjectAsync();
        var team = "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2";
        var install = TestActivities.Base(ActivityTypes.InstallationUpdate, env.Connector.ServiceUrl, team, TestActivities.Tenant, "channel", from: TestActivities.Pm);
        install.Action = "add";
        await env.Host.PostAsync(install);

        var found = await SearchAsync("omar HAD");

        var omar = Assert.Single(found, r => (string?)r["title"] == "Dr. Omar Haddad");
        Assert.Equal(PersonChoice.Value(new PersonId(TestActivities.PhysicianAadId)), (string?)omar["value"]);
        Assert.Empty(await SearchAsync("zzyzx"));
        Assert.Empty(await SearchAsync("omar", dataset: "something-else"));
    }

    [Fact]
    public async Task Everyone_in_a_team_of_1200_the_bot_joins_is_found_by_typing_their_name_not_only_the_first_pages()
    {
        await PmOnAProjectAsync();
        var team = "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2";
        var members = Enumerable.Range(1, 1_200).Select(i => new ChannelAccount($"29:big-{i}", $"Zara Okafor {i:0000}", aadObjectId: Guid.NewGuid().ToString())).ToList();
        env.Connector.ServeRoster(team, members);
        var install = TestActivities.Base(ActivityTypes.InstallationUpdate, env.Connector.ServiceUrl, team, TestActivities.Tenant, "channel", from: TestActivities.Pm);
        install.Action = "add";
        await env.Host.PostAsync(install);

        var found = Assert.Single(await SearchAsync("Zara Okafor 1150"));

        Assert.Equal("Zara Okafor 1150", (string?)found["title"]);
        Assert.Equal(PersonChoice.Value(new PersonId(members[1_149].AadObjectId)), (string?)found["value"]);
        Assert.Single(await SearchAsync("zara okafor 0001"));
        Assert.True(env.Connector.Requests.Count(r => r.Path.Contains(team, StringComparison.Ordinal) && r.Path.EndsWith("/pagedmembers", StringComparison.Ordinal)) >= 3, "read in pages");
    }

    [Fact]
    public async Task A_large_team_joined_before_is_read_whole_when_a_form_first_reads_its_roster()
    {
        await PmOnAProjectAsync();
        var team = "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2";
        var members = Enumerable.Range(1, 700).Select(i => new ChannelAccount($"29:old-{i}", $"Zeke Adeyemi {i:0000}", aadObjectId: Guid.NewGuid().ToString())).ToList();
        env.Connector.ServeRoster(team, members);
        Assert.Empty(await SearchAsync("Zeke Adeyemi 0650"));

        var form = TestActivities.Base(ActivityTypes.Message, env.Connector.ServiceUrl, team, TestActivities.Tenant, "channel", from: TestActivities.Cio);
        form.Text = "pm allow";
        await env.Host.PostAsync(form);

        Assert.Single(await SearchAsync("Zeke Adeyemi 0650"));
    }

    [Fact]
    public async Task Sixty_people_picked_at_once_are_all_added_and_the_form_lists_only_a_few()
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);
        var code = "P" + UniqueCodes.Letters(6);
        await pm.SubmitAsync(CardVerbs.CreateProject, new { code, name = "Nurse scheduling", kind = "Ehr", start = ProjectConversation.Date(0), golive = ProjectConversation.Date(30), end = ProjectConversation.Date(60), timezone = "UTC" });
        var references = env.Host.Services.GetRequiredService<ConversationReferenceTable>();
        var ward = Enumerable.Range(1, 60).Select(i => new PersonId(Guid.NewGuid().ToString())).ToList();
        foreach (var (person, i) in ward.Select((p, i) => (p, i)))
        {
            await references.SaveRouteAsync(Tenant, person, "19:ward-4-west@thread.v2", "29:ward-" + i, $"Ward Nurse {i:00}", default);
        }

        var form = await pm.SayAsync("stakeholder add");
        var picked = string.Join(',', ward.Select(PersonChoice.Value));
        var added = CardText.Of(await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = picked, role = "Stakeholder", discipline = "Nurse", department = "4 West" }));

        Assert.True(((JArray)CardText.Input(form, "people")!["choices"]!).Count <= PeopleField.MaxOffered);
        Assert.Equal("people", (string?)CardText.Input(form, "people")!["choices.data"]!["dataset"]);
        Assert.True(picked.Length > 1_300, "60 people as the card sends them back");
        Assert.Contains("Added 60 people.", added, StringComparison.Ordinal);
        Assert.Contains("Ward Nurse 59", added, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_s_people_are_found_by_whoever_may_see_the_project_and_by_nobody_else()
    {
        var code = "Q" + UniqueCodes.Letters(6);
        var (pm, _) = await ProjectConversation.WithNurseAsync(env, code, "Smart pump integration", "Other");
        await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = TestActivities.CioAadId, role = "Leader", discipline = "Leader" });
        var projectCode = new ProjectCode(code);

        var members = await SearchAsync("", ProjectPeople.Dataset(projectCode, leadersOnly: false));
        var nina = await SearchAsync("pat ni", ProjectPeople.Dataset(projectCode, leadersOnly: false), from: TestActivities.Nurse);
        var leaders = await SearchAsync("", ProjectPeople.Dataset(projectCode, leadersOnly: true));
        var outsider = await SearchAsync("", ProjectPeople.Dataset(projectCode, leadersOnly: false), from: TestActivities.Pharmacist);

        Assert.Equal(3, members.Count);
        Assert.Equal(PersonChoice.Value(new PersonId(TestActivities.NurseAadId)), (string?)Assert.Single(nina)["value"]);
        Assert.Equal(PersonChoice.Value(new PersonId(TestActivities.CioAadId)), (string?)Assert.Single(leaders)["value"]);
        Assert.Empty(outsider);
        Assert.Empty(await SearchAsync("", "project..members"));
    }

    [Fact]
    public async Task Stakeholder_remove_searches_the_project_and_refuses_someone_not_on_it_beside_the_field()
    {
        var code = "Q" + UniqueCodes.Letters(6);
        var (pm, _) = await ProjectConversation.WithNurseAsync(env, code, "Smart pump integration", "Other");
        var nina = PersonChoice.Value(new PersonId(TestActivities.NurseAadId));

        var form = await pm.SayAsync("stakeholder remove");
        var outsider = await pm.SubmitAsync(CardVerbs.RemoveStakeholder, new { project = code, person = PersonChoice.Value(new PersonId(TestActivities.PharmacistAadId)) });
        var removed = CardText.Of(await pm.SubmitAsync(CardVerbs.RemoveStakeholder, new { project = code, person = nina }));

        Assert.Equal(
            ProjectPeople.Dataset(new ProjectCode(code), leadersOnly: false),
            (string?)CardText.Input(form, "person")!["choices.data"]!["dataset"]);
        Assert.Contains("Pick one person on the project. Type a name to find them.", CardText.Of(outsider), StringComparison.Ordinal);
        Assert.Contains("Removed from the project.", removed, StringComparison.Ordinal);
        Assert.DoesNotContain("Nina Patel", removed, StringComparison.Ordinal);
    }
}
