using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Features.Projects;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.CardChecks;

/// <summary>
/// The status card as the official renderer draws it on a phone, for each reader: earned value and budget figures only for
/// those who may see budget figures (by default PMs and leaders), and, on a project with nothing set up yet, what to set up
/// next (only the steps still missing, only to whoever may do them) instead of a page of "n/a" and "$0".
/// </summary>
[Collection(SharedCardRenderer.Name)]
[Trait("Needs", "Chromium")]
public class StatusByReaderTests(OfficialCardRenderer renderer)
{
    private const int Phone = 360;
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly string[] EarnedValue = ["SPI", "CPI", "EV method", "EAC", "PV / EV / AC", "Budget (BAC)", "$"];

    private async Task<string> SeenBy(Project project, PersonId reader, string name)
    {
        var card = StatusCard.Build(ProjectCardFixtures.StatusFor(project, reader, [CardFixtures.EscalatedRisk(acknowledged: false), CardFixtures.LowRisk()]));
        var check = await renderer.CheckAsync(card.ToString(), Path.Combine(RepositoryLayout.TestOutput("cards"), name + "-phone.png"), width: Phone);
        Assert.Empty(check.Problems);
        Assert.Empty(check.CutTexts);
        // The renderer is loaded without a markdown processor (Teams has one), so bold shows as its marks: read past them.
        return check.Text.Replace("**", string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nurse_sees_the_schedule_in_milestones_and_no_earned_value_or_budget_figures()
    {
        var nurse = await SeenBy(CardFixtures.Project(), CardFixtures.Nurse, "status-nurse");

        Assert.All(EarnedValue, figure => Assert.DoesNotContain(figure, nurse, StringComparison.Ordinal));
        Assert.Contains("Schedule: behind plan (see the milestones)", nurse, StringComparison.Ordinal);
        Assert.Contains("Next milestones", nurse, StringComparison.Ordinal);
        Assert.Contains("Integrated testing", nurse, StringComparison.Ordinal);
        Assert.Contains("Top risks", nurse, StringComparison.Ordinal);
        Assert.DoesNotContain("Next:", nurse, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pm_and_a_leader_see_earned_value_and_budget_figures()
    {
        var pm = await SeenBy(CardFixtures.Project(), CardFixtures.Pm, "status-pm");
        var leader = await SeenBy(CardFixtures.Project(), CardFixtures.Cio, "status-leader");

        Assert.All([pm, leader], text => Assert.All(EarnedValue, figure => Assert.Contains(figure, text, StringComparison.Ordinal)));
        Assert.All([pm, leader], text => Assert.Contains("$2,400,000", text, StringComparison.Ordinal));
        Assert.Contains("Schedule: SPI", pm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_project_tells_its_pm_what_to_set_up_next_instead_of_n_a_and_zero()
    {
        var pm = await SeenBy(CardFixtures.NewProject(), CardFixtures.Pm, "status-new-project-pm");

        Assert.Contains("Next: add stakeholders with stakeholder add, set the budget with budget set, add milestones with milestone add", pm, StringComparison.Ordinal);
        Assert.DoesNotContain("n/a", pm, StringComparison.Ordinal);
        Assert.DoesNotContain("$0", pm, StringComparison.Ordinal);
        Assert.DoesNotContain("No open milestones", pm, StringComparison.Ordinal);
        Assert.DoesNotContain("None yet", pm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_steps_still_missing_are_named_and_only_to_whoever_may_do_them()
    {
        var project = CardFixtures.NewProject();
        project.AddMember(new ProjectMember(CardFixtures.Nurse, "Nina Patel (RN)", ProjectRole.Stakeholder, StakeholderRole.Nurse, Guarded.From("ICU")));
        project.AddMember(new ProjectMember(CardFixtures.Cio, "Dr. Marcus Lee (CIO)", ProjectRole.Leader, StakeholderRole.Leader, Guarded.From("Executive")));
        project.AddMilestone(new Milestone(Guarded.From("Go-live"), Today.AddDays(90), 10));

        var pm = await SeenBy(project, CardFixtures.Pm, "status-setup-pm");
        var leader = await SeenBy(project, CardFixtures.Cio, "status-setup-leader");
        var nurse = await SeenBy(project, CardFixtures.Nurse, "status-setup-nurse");

        Assert.Contains("Next: set the budget with budget set", pm, StringComparison.Ordinal);
        Assert.DoesNotContain("stakeholder add", pm, StringComparison.Ordinal);
        Assert.DoesNotContain("milestone add", pm, StringComparison.Ordinal);
        Assert.All([leader, nurse], text => Assert.DoesNotContain("Next:", text, StringComparison.Ordinal));
        Assert.All([leader, nurse], text => Assert.DoesNotContain("budget set", text, StringComparison.Ordinal));
        Assert.All([pm, leader, nurse], text => Assert.DoesNotContain("n/a", text, StringComparison.Ordinal));
        Assert.All([pm, leader, nurse], text => Assert.DoesNotContain("$0", text, StringComparison.Ordinal));
        Assert.Contains("Budget (BAC)", leader, StringComparison.Ordinal);
        Assert.Contains("not set", leader, StringComparison.Ordinal);
        Assert.DoesNotContain("Budget (BAC)", nurse, StringComparison.Ordinal);
        Assert.All([pm, leader, nurse], text => Assert.Contains("Go-live", text, StringComparison.Ordinal));
    }
}
