using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Features.Projects;
using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Projects;

/// <summary>
/// People with different roles are added from one card: picked together, then each given their role,
/// discipline and department; a row with a problem comes back with its message and every row kept.
/// </summary>
[Collection(SharedBotEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class StakeholderRolesTests(BotEnvironment env)
{
    private static readonly TenantId Tenant = new(TestActivities.Tenant);

    /// <summary>A new project and <paramref name="count"/> colleagues the bot met in a ward's team.</summary>
    private async Task<(ProjectConversation Pm, string Code, List<PersonId> People)> ProjectWithColleaguesAsync(int count)
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);
        var code = "S" + UniqueCodes.Letters(6);
        await pm.SubmitAsync(CardVerbs.CreateProject, new { code, name = "Closed-loop medication", kind = "Ehr", start = ProjectConversation.Date(0), golive = ProjectConversation.Date(30), end = ProjectConversation.Date(60), timezone = "UTC" });
        var references = env.Host.Services.GetRequiredService<ConversationReferenceTable>();
        var people = Enumerable.Range(1, count).Select(_ => new PersonId(Guid.NewGuid().ToString())).ToList();
        foreach (var (person, i) in people.Select((p, i) => (p, i)))
        {
            await references.SaveRouteAsync(Tenant, person, "19:med-safety@thread.v2", "29:med-" + Guid.NewGuid().ToString("N"), $"Colleague {i + 1:00}", default);
        }

        return (pm, code, people);
    }

    private async Task<IReadOnlyCollection<ProjectMember>> MembersAsync(string code) =>
        (await env.Host.Services.GetRequiredService<IProjectRepository>().GetAsync(Tenant, new ProjectCode(code), default))!.Project.Members;

    private static string Key(PersonId person) => PersonChoice.Value(person);

    // What the card's Add sends: its hidden data with the inputs as the person left them.
    private static JObject Submit(JObject card, Dictionary<string, string> inputs)
    {
        var data = (JObject)card["actions"]![0]!["data"]!.DeepClone();
        foreach (var (id, value) in inputs)
        {
            data[id] = value;
        }

        return data;
    }

    private static string? Beside(JObject card, string id)
    {
        var body = card["body"]!.ToList();
        var index = body.FindIndex(e => (string?)e["id"] == id);
        return index >= 0 && index + 1 < body.Count && (string?)body[index + 1]["type"] == "TextBlock" ? (string?)body[index + 1]["text"] : null;
    }

    [Fact]
    public async Task Five_people_get_five_different_roles_from_one_card()
    {
        var (pm, code, people) = await ProjectWithColleaguesAsync(5);
        var picked = string.Join(',', people.Select(Key));

        var form = await pm.SayAsync("stakeholder add");
        var each = await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = picked, role = "Stakeholder", discipline = "Nurse", department = "4 West", each = "yes" });

        Assert.Equal(["Add", "Set each person's role"], form["actions"]!.Select(a => (string)a["title"]!));
        Assert.Single(await MembersAsync(code));
        Assert.Equal("Colleague 01: role on project", (string?)CardText.Input(each, $"role.{Key(people[0])}")!["label"]);
        Assert.Equal(("Stakeholder", "Nurse", "4 West"), ((string?)CardText.Input(each, $"role.{Key(people[4])}")!["value"], (string?)CardText.Input(each, $"discipline.{Key(people[4])}")!["value"], (string?)CardText.Input(each, $"department.{Key(people[4])}")!["value"]));

        var roles = new (string Role, string Discipline, string Department)[]
        {
            ("Stakeholder", "Nurse", "4 West"), ("Stakeholder", "Physician", "Emergency"), ("Stakeholder", "Pharmacist", "Pharmacy"), ("Leader", "Leader", "Executive"), ("ProjectManager", "It", "Health IT"),
        };
        var inputs = new Dictionary<string, string>();
        foreach (var (person, (role, discipline, department)) in people.Zip(roles))
        {
            (inputs[$"role.{Key(person)}"], inputs[$"discipline.{Key(person)}"], inputs[$"department.{Key(person)}"]) = (role, discipline, department);
        }

        var added = CardText.Of(await pm.SubmitAsync(CardVerbs.AddStakeholders, Submit(each, inputs)));

        Assert.Contains("Added 5 people.", added, StringComparison.Ordinal);
        var members = (await MembersAsync(code)).ToDictionary(m => m.Person);
        Assert.Equal(
            roles.Select(r => (r.Role, r.Discipline, r.Department)),
            people.Select(p => (members[p].Role.ToString(), members[p].Discipline.ToString(), members[p].Department!.Value)));
    }

    [Fact]
    public async Task A_row_with_a_problem_comes_back_beside_its_field_with_every_row_kept_and_nobody_added()
    {
        var (pm, code, people) = await ProjectWithColleaguesAsync(3);
        var each = await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = string.Join(',', people.Select(Key)), role = "Stakeholder", discipline = "Nurse", each = "yes" });
        var inputs = new Dictionary<string, string>
        {
            [$"role.{Key(people[0])}"] = "Stakeholder", [$"discipline.{Key(people[0])}"] = "", [$"department.{Key(people[0])}"] = "ICU",
            [$"role.{Key(people[1])}"] = "Stakeholder", [$"discipline.{Key(people[1])}"] = "Pharmacist", [$"department.{Key(people[1])}"] = "Pharmacy MRN 00482913",
            [$"role.{Key(people[2])}"] = "Leader", [$"discipline.{Key(people[2])}"] = "Leader", [$"department.{Key(people[2])}"] = "Executive",
        };

        var again = await pm.SubmitAsync(CardVerbs.AddStakeholders, Submit(each, inputs));

        Assert.Equal("Discipline is required.", Beside(again, $"discipline.{Key(people[0])}"));
        Assert.Contains("medical record number", Beside(again, $"department.{Key(people[1])}"), StringComparison.Ordinal);
        Assert.DoesNotContain("00482913", again.ToString(), StringComparison.Ordinal);
        Assert.Null(Beside(again, $"department.{Key(people[2])}"));
        Assert.Equal(("ICU", "Leader", "Leader", "Executive"), ((string?)CardText.Input(again, $"department.{Key(people[0])}")!["value"], (string?)CardText.Input(again, $"role.{Key(people[2])}")!["value"], (string?)CardText.Input(again, $"discipline.{Key(people[2])}")!["value"], (string?)CardText.Input(again, $"department.{Key(people[2])}")!["value"]));
        Assert.Single(await MembersAsync(code));

        inputs[$"discipline.{Key(people[0])}"] = "Nurse";
        inputs[$"department.{Key(people[1])}"] = "Pharmacy";
        Assert.Contains("Added 3 people.", CardText.Of(await pm.SubmitAsync(CardVerbs.AddStakeholders, Submit(again, inputs))), StringComparison.Ordinal);
        Assert.Equal(4, (await MembersAsync(code)).Count);
    }

    [Fact]
    public async Task More_people_than_one_card_can_give_each_a_role_are_refused_beside_the_picker_with_the_picks_kept()
    {
        var (pm, code, people) = await ProjectWithColleaguesAsync(StakeholderAddForm.MaxEach + 1);
        var picked = string.Join(',', people.Select(Key));

        var refused = await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = picked, role = "Stakeholder", discipline = "Nurse", each = "yes" });

        Assert.Equal($"Up to {StakeholderAddForm.MaxEach} people get each their own role at once ({StakeholderAddForm.MaxEach + 1} are picked): pick fewer, or give them all the role below and press Add.", Beside(refused, "people"));
        Assert.Equal(picked, (string?)CardText.Input(refused, "people")!["value"]);
        Assert.Single(await MembersAsync(code));
    }

    [Fact]
    public async Task A_person_tampered_into_the_second_step_is_not_added()
    {
        var (pm, code, people) = await ProjectWithColleaguesAsync(1);
        var stranger = new PersonId(Guid.NewGuid().ToString());
        var each = await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = Key(people[0]), role = "Stakeholder", discipline = "Nurse", each = "yes" });
        var data = Submit(each, new Dictionary<string, string> { [$"role.{Key(people[0])}"] = "Stakeholder", [$"discipline.{Key(people[0])}"] = "Nurse", [$"role.{Key(stranger)}"] = "ProjectManager", [$"discipline.{Key(stranger)}"] = "It" });
        data["picked"] = $"{Key(people[0])},{Key(stranger)}";

        var added = CardText.Of(await pm.SubmitAsync(CardVerbs.AddStakeholders, data));

        Assert.Contains("Added 1 person.", added, StringComparison.Ordinal);
        Assert.DoesNotContain(await MembersAsync(code), m => m.Person == stranger);
    }
}
