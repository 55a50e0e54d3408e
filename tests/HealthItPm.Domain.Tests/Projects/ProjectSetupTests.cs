using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.Projects;

/// <summary>What a project still needs set up: people, a budget and milestones, each until it has them.</summary>
public class ProjectSetupTests
{
    private static Project Created() => Project.Create(
        new ProjectCode("EHR"), Guarded.From("Epic EHR go-live"), ProjectKind.Ehr,
        new ProjectSchedule(ProjectBuilder.Today, ProjectBuilder.Today.AddDays(90), ProjectBuilder.Today.AddDays(180)), "America/Chicago",
        new ProjectMember(
            ProjectBuilder.Pm,
            "Priya Shah",
            ProjectRole.ProjectManager,
            StakeholderRole.It,
            Guarded.From("Health IT")), ProjectBuilder.Today);

    [Fact]
    public void A_project_just_created_needs_stakeholders_a_budget_and_milestones_in_that_order() =>
        Assert.Equal([SetupStep.Stakeholders, SetupStep.Budget, SetupStep.Milestones], ProjectSetup.Missing(Created()));

    [Fact]
    public void Each_step_is_no_longer_missing_once_done()
    {
        var project = Created();
        project.AddMember(new ProjectMember(
            ProjectBuilder.Nurse, "Nina Patel", ProjectRole.Stakeholder, StakeholderRole.Nurse, Guarded.From("ICU")));
        Assert.Equal([SetupStep.Budget, SetupStep.Milestones], ProjectSetup.Missing(project));
        project.AddMilestone(new Milestone(Guarded.From("Go-live"), ProjectBuilder.Today.AddDays(90), 10));
        Assert.Equal([SetupStep.Budget], ProjectSetup.Missing(project));
        project.SetBudget(1_000_000);
        Assert.Empty(ProjectSetup.Missing(project));
    }

    [Fact]
    public void Each_step_is_for_whoever_may_manage_that_part()
    {
        Assert.Equal(ProjectAction.ManageStakeholders, ProjectSetup.ActionOf(SetupStep.Stakeholders));
        Assert.Equal(ProjectAction.ManageBudget, ProjectSetup.ActionOf(SetupStep.Budget));
        Assert.Equal(ProjectAction.ManageMilestones, ProjectSetup.ActionOf(SetupStep.Milestones));
    }
}
