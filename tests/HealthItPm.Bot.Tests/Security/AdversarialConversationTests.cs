using System.Text.RegularExpressions;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Security;

/// <summary>
/// The findings of the security review (issue 12) that need stored projects, through the real
/// endpoint on Azurite: hostile project names (finding 6), outsiders guessing codes (finding 7) and a
/// removed risk owner (finding 2). The cases without storage are in <see cref="AdversarialEndpointTests"/>.
/// </summary>
[Collection(SharedBotEnvironment.Name)]
[Trait("Needs", "Azurite")]
public partial class AdversarialConversationTests(BotEnvironment env)
{
    private const string PhishingName = "[Sign in again](https://sso.hospital.example/login)";
    private const string DateName = "{{DATE(2017-02-14T06:08:39Z, LONG)}}";

    // A markdown link: a closing bracket not escaped, then an opening parenthesis.
    [GeneratedRegex(@"(?<!\\)\]\(")]
    private static partial Regex MarkdownLink();

    private static string NewCode() => "S" + UniqueCodes.Letters(6);

    private async Task<(ProjectConversation Pm, string Code)> ProjectAsync(string name, params string[] stakeholders)
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);
        var code = NewCode();
        await pm.SubmitAsync(CardVerbs.CreateProject, new { code, name, kind = "Other", start = ProjectConversation.Date(0), golive = ProjectConversation.Date(30), end = ProjectConversation.Date(60), timezone = "Pacific/Chatham" });
        foreach (var person in stakeholders)
        {
            await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = person, role = "Stakeholder", discipline = "Nurse" });
        }

        return (pm, code);
    }

    // Finding 6: a project name that would be a link in the notice shown to people refused.
    [Fact]
    public async Task A_project_named_like_a_link_never_becomes_one_in_a_refusal()
    {
        var (_, code) = await ProjectAsync(PhishingName, TestActivities.NurseAadId);
        var nurse = new ProjectConversation(env, TestActivities.Nurse);
        var outsider = new ProjectConversation(env, TestActivities.Pharmacist);

        var member = CardText.Of(await nurse.SubmitAsync(CardVerbs.SetBudget, new { project = code, bac = "1" }));
        var stranger = CardText.Of(await outsider.SubmitAsync(CardVerbs.SetBudget, new { project = code, bac = "1" }));

        Assert.Contains("Only the project managers of \\[Sign in again\\](https://sso.hospital.example/login) (Priya Shah) can do that.", member, StringComparison.Ordinal);
        Assert.DoesNotMatch(MarkdownLink(), member);
        Assert.DoesNotMatch(MarkdownLink(), stranger);
        Assert.DoesNotContain("Sign in again", stranger, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_named_with_a_date_function_shows_the_text_it_was_given()
    {
        var (pm, code) = await ProjectAsync(DateName, TestActivities.NurseAadId);
        var nurse = new ProjectConversation(env, TestActivities.Nurse);

        var refusal = CardText.Of(await nurse.SubmitAsync(CardVerbs.SetBudget, new { project = code, bac = "1" }));
        var status = CardText.Of(await pm.SayAsync($"status {code}"));

        Assert.Contains("{\u2060{DATE(2017-02-14T06:08:39Z, LONG)}}", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("{{DATE(2017-02-14", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("{{DATE(2017-02-14", status, StringComparison.Ordinal);
    }

    // A problem the domain gives names the project: the name comes back as typed, never as a link, bold or a date.
    [Fact]
    public async Task A_project_named_like_a_link_stays_text_in_the_problem_a_form_shows()
    {
        const string name = "[Go](https://sso.hospital.example) **b** {{DATE(2017-02-14T06:08:39Z, LONG)}}";
        var (pm, code) = await ProjectAsync(name);

        var form = CardText.Of(await pm.SubmitAsync(CardVerbs.StartSurvey, new { project = code, name = "pre go-live", days = "7", anonymous = "true", departments = "Nowhere" }));

        Assert.Contains(
            "No stakeholders of \\[Go\\](https://sso.hospital.example) \\*\\*b\\*\\* {\u2060{DATE(2017-02-14T06:08:39Z, LONG)}} match this survey's audience. Type **stakeholder add** to add people.",
            form,
            StringComparison.Ordinal);
        Assert.DoesNotMatch(MarkdownLink(), form);
        Assert.DoesNotContain("**b**", form, StringComparison.Ordinal);
    }

    // A name typed into a form and repeated in the bot's answer reads as typed, never as bold or a date.
    [Fact]
    public async Task A_survey_named_like_markup_stays_text_in_the_notice_that_it_started()
    {
        var (pm, code) = await ProjectAsync("Smart pump interoperability", TestActivities.NurseAadId);

        var notice = CardText.Of(await pm.SubmitAsync(CardVerbs.StartSurvey, new { project = code, name = "**b** {{DATE(2017-02-14T06:08:39Z, LONG)}}", days = "7", anonymous = "true" }));

        Assert.Contains("Readiness survey \u201c\\*\\*b\\*\\* {\u2060{DATE(2017-02-14T06:08:39Z, LONG)}}\u201d started", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("**b**", notice, StringComparison.Ordinal);
    }

    // Finding 7: guessing a code tells an outsider nothing, not even that the project exists.
    [Fact]
    public async Task An_outsider_hears_the_same_for_a_project_that_exists_and_one_that_does_not()
    {
        var (_, code) = await ProjectAsync("Pharmacy carousel", TestActivities.NurseAadId);
        var missing = NewCode();
        var outsider = new ProjectConversation(env, TestActivities.Pharmacist);

        var existing = CardText.Of(await outsider.SayAsync($"status {code}"));
        var absent = CardText.Of(await outsider.SayAsync($"status {missing}"));
        var submitted = CardText.Of(await outsider.SubmitAsync(CardVerbs.AddMilestone, new { project = code, name = "X", planned = ProjectConversation.Date(1), weight = "1" }));

        Assert.Equal(absent.Replace(missing, code, StringComparison.Ordinal), existing);
        Assert.Equal(existing, submitted);
        Assert.DoesNotContain("Pharmacy carousel", existing, StringComparison.Ordinal);
        Assert.DoesNotContain("Priya Shah", existing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_half_filled_schedule_form_from_an_outsider_does_not_reveal_the_time_zone()
    {
        var (_, code) = await ProjectAsync("Smart pumps", TestActivities.NurseAadId);
        var outsider = new ProjectConversation(env, TestActivities.Pharmacist);
        var nurse = new ProjectConversation(env, TestActivities.Nurse);

        var stranger = CardText.Of(await outsider.SubmitAsync(CardVerbs.ScheduleCheckIn, new { project = code, day = "Tuesday" }));
        var member = CardText.Of(await nurse.SubmitAsync(CardVerbs.ScheduleCheckIn, new { project = code, day = "Tuesday" }));

        Assert.DoesNotContain("Pacific/Chatham", stranger, StringComparison.Ordinal);
        Assert.Contains($"You are not on a project with the code {code}.", stranger, StringComparison.Ordinal);
        Assert.DoesNotContain("Pacific/Chatham", member, StringComparison.Ordinal);
        Assert.Contains("Only the project managers", member, StringComparison.Ordinal);
    }

    // Finding 2: a removed risk owner can no longer act; their open risks pass to the PM who removed them.
    [Fact]
    public async Task A_removed_risk_owner_can_no_longer_act_and_the_pm_owns_the_risk()
    {
        var (pm, code) = await ProjectAsync("Infusion pump interop", TestActivities.NurseAadId);
        var nurse = new ProjectConversation(env, TestActivities.Nurse);
        await pm.SubmitAsync(CardVerbs.AddRisk, new { project = code, title = "Drug library out of date", category = "Vendor", probability = "3", impact = "3" });
        var risk = $"{code}-R1";
        await pm.SubmitAsync(CardVerbs.AssignRiskOwner, new { risk, owner = TestActivities.NurseAadId });

        var removed = CardText.Of(await pm.SubmitAsync(CardVerbs.RemoveStakeholder, new { project = code, person = TestActivities.NurseAadId }));
        var update = CardText.Of(await nurse.SubmitAsync(CardVerbs.UpdateRisk, new { risk, probability = "5", impact = "5", status = "open" }));
        var assign = CardText.Of(await nurse.SubmitAsync(CardVerbs.AssignRiskOwner, new { risk, owner = TestActivities.PmAadId }));
        var card = CardText.Of(await pm.SayAsync($"risk {risk}"));

        Assert.Contains("Open risks they owned passed to you", removed, StringComparison.Ordinal);
        Assert.Contains($"There is no risk {risk} on a project you are on.", update, StringComparison.Ordinal);
        Assert.Contains($"There is no risk {risk} on a project you are on.", assign, StringComparison.Ordinal);
        Assert.Contains("Owner\nPriya Shah", card, StringComparison.Ordinal);
        Assert.Contains("P3×I3", card, StringComparison.Ordinal);
        Assert.DoesNotContain("escalated", card, StringComparison.Ordinal);
    }
}
