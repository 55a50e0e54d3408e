using HealthItPm.Bot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.Projects;

/// <summary>A PM on several projects names the one a form is for: "checkin schedule EHR", "stakeholder remove EHR".</summary>
[Collection(SharedBotEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class ProjectCodeArgumentTests(BotEnvironment env)
{
    [Theory]
    [InlineData("checkin schedule")]
    [InlineData("stakeholder remove")]
    [InlineData("milestone add")]
    public async Task A_form_opens_for_the_project_named_not_the_chats(string command)
    {
        var (pm, _, first) = await NurseProject.CreateAsync(env, "N");
        await NurseProject.CreateAsync(env, "N");

        var named = await pm.SayAsync($"{command} {first}");

        Assert.Equal([first], ProjectsOf(named));
    }

    private static IEnumerable<string> ProjectsOf(JObject form) =>
        form.Descendants().OfType<JObject>().Select(o => (string?)o["data"]?["project"]).OfType<string>().Distinct();
}
