using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.FirstDay;

/// <summary>
/// Help offers each person only what they may do: an admin, a PM, a leader, a stakeholder (the nurse) and
/// someone on no project each ask for help, then run every command it offered, as shown, on their project;
/// none is refused. Help is computed from the access table the commands check, so the two cannot drift.
/// The bot and its storage are this class's alone: nobody else puts these people on other projects.
/// </summary>
[Trait("Needs", "Azurite")]
public class HelpOffersWhatIsAllowedTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    // What a refusal, a failed use case or a failed turn is titled (RefusalNotice, ProjectOutcomes).
    private static readonly string[] NotDone = ["Not allowed", "Not found", "That didn't work", "something went wrong"];

    public static TheoryData<string> People() => ["admin", "pm", "leader", "nurse", "nobody"];

    private static ChannelAccount Person(string who) => who switch
    {
        "admin" => TestActivities.Cio,
        "pm" => TestActivities.Pm,
        "leader" => TestActivities.Physician,
        "nurse" => TestActivities.Nurse,
        _ => TestActivities.ItAnalyst,
    };

    /// <summary>A project with the PM, the nurse (stakeholder) and the physician (leader), a risk, and a readiness wave named as help's example.</summary>
    private async Task<string> ProjectAsync()
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);
        var code = "H" + UniqueCodes.Letters(6);
        await pm.SayAsync("help");
        await pm.SubmitAsync(CardVerbs.CreateProject, new { code, name = "Smart pumps", kind = "Other", start = ProjectConversation.Date(0), golive = ProjectConversation.Date(30), end = ProjectConversation.Date(60), timezone = "UTC" });
        await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = TestActivities.NurseAadId, role = "Stakeholder", discipline = "Nurse" });
        await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = TestActivities.PhysicianAadId, role = "Leader", discipline = "Physician" });
        await pm.SubmitAsync(CardVerbs.AddRisk, new { project = code, title = "Drug library out of date", category = "Vendor", probability = "3", impact = "3" });
        await pm.SubmitAsync(CardVerbs.StartSurvey, new { project = code, name = "pre go-live", days = "7", anonymous = "true" });
        return code;
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task Every_command_help_offers_succeeds_for_the_person_it_is_offered_to(string who)
    {
        var code = await ProjectAsync();
        var person = new ProjectConversation(env, Person(who));

        var offered = Offered(await person.SayAsync("help all"));
        Assert.Contains("help", offered);
        if (offered.Contains("use EHR"))
        {
            await person.SayAsync($"use {code}");
        }

        var refused = new List<string>();
        foreach (var shown in offered.Where(s => s != "help"))
        {
            var typed = shown.Replace("<ID>", $"{code}-R1", StringComparison.Ordinal).Replace("EHR", code, StringComparison.Ordinal);
            var answer = CardText.Of(await person.SayAsync(typed));
            if (NotDone.Any(title => answer.Contains(title, StringComparison.Ordinal)))
            {
                refused.Add($"{typed}: {answer}");
            }
        }

        Assert.True(refused.Count == 0, $"Help offered {who} commands that were then refused:\n" + string.Join("\n", refused));
        // What each person is offered, as each feature's test folder expects (HelpExpectations): no list here to edit.
        Assert.Equal(HelpExpectations.Expected(who, HelpExpectations.Found).Order(StringComparer.Ordinal), offered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Help_offers_the_nurse_no_budget_no_risk_update_and_no_digest()
    {
        await ProjectAsync();

        var offered = Offered(await new ProjectConversation(env, TestActivities.Nurse).SayAsync("help all"));

        Assert.Contains("status", offered);
        Assert.Contains("report concern", offered);
        Assert.DoesNotContain("budget", offered);
        Assert.DoesNotContain("risk update <ID>", offered);
        Assert.DoesNotContain(offered, s => s.StartsWith("digest", StringComparison.Ordinal));
        Assert.DoesNotContain(offered, s => s.StartsWith("audit", StringComparison.Ordinal) || s.StartsWith("pm allow", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("help risks")]
    [InlineData("help risk")]
    [InlineData("help RISKS please")]
    public async Task Help_on_a_topic_shows_that_topic_alone_with_what_each_command_does(string asked)
    {
        await ProjectAsync();

        var card = await new ProjectConversation(env, TestActivities.Nurse).SayAsync(asked);

        Assert.Equal(["report concern", "risk <ID>", "risks critical"], Offered(card).Order(StringComparer.Ordinal));
        Assert.StartsWith("Help: Risks", CardText.Of(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_on_a_word_that_is_no_topic_shows_the_whole_short_help()
    {
        await ProjectAsync();

        var nurse = new ProjectConversation(env, TestActivities.Nurse);

        Assert.Equal(CardText.Of(await nurse.SayAsync("help")), CardText.Of(await nurse.SayAsync("help pumps")));
    }

    [Fact]
    public async Task Help_labels_the_admins_commands_for_admins_not_for_project_managers()
    {
        await ProjectAsync();

        var help = CardText.Of(await new ProjectConversation(env, TestActivities.Cio).SayAsync("help"));
        var full = CardText.Of(await new ProjectConversation(env, TestActivities.Cio).SayAsync("help all"));

        Assert.Contains("For admins: **audit EHR 2026-11-01 2026-11-30** · **health** · **pm allow**", help, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"For project managers:[^\n]*(audit|health|pm allow)", help);
        Assert.Contains("_(admins)_", full, StringComparison.Ordinal);
    }

    // The commands the full help lists, as shown (with their example's arguments).
    private static List<string> Offered(JObject help) =>
        [.. help.Descendants().OfType<JObject>().Where(o => o["title"] is not null && o["value"] is not null && o.Parent is JArray { Parent: JProperty { Name: "facts" } })
            .Select(o => ((string)o["title"]!).Replace(@"\<", "<", StringComparison.Ordinal).Replace(@"\>", ">", StringComparison.Ordinal))];
}
