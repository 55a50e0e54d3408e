using HealthItPm.Domain.Common;
using HealthItPm.Domain.Security;
using HealthItPm.Domain.Tests.Projects;
using static HealthItPm.Domain.Tests.Projects.ProjectBuilder;

namespace HealthItPm.Domain.Tests.Security;

public class AccessPolicyTests
{
    private static readonly PersonId Admin = new("55555555-5555-5555-5555-555555555555");
    private static readonly PersonId AllowedPm = new("66666666-6666-6666-6666-666666666666");

    private static readonly AccessPolicy Policy = new(new HashSet<PersonId> { Admin }, new HashSet<PersonId> { AllowedPm, Pm });

    public static TheoryData<string, ProjectAction, bool> Matrix()
    {
        var data = new TheoryData<string, ProjectAction, bool>();
        foreach (var action in Enum.GetValues<ProjectAction>())
        {
            data.Add("admin", action, true);
            data.Add("pm", action, true);
            data.Add("leader", action, action is ProjectAction.ViewStatus or ProjectAction.ViewBudget);
            data.Add("stakeholder", action, action == ProjectAction.ViewStatus);
            data.Add("outsider", action, false);
            data.Add("allowed pm not on the project", action, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Who_may_do_what_on_a_project(string who, ProjectAction action, bool allowed)
    {
        var person = who switch
        {
            "admin" => Admin,
            "pm" => Pm,
            "leader" => Cio,
            "stakeholder" => Nurse,
            "allowed pm not on the project" => AllowedPm,
            _ => Outsider,
        };

        var decision = Policy.Can(person, action, new ProjectBuilder().Build());

        Assert.Equal(allowed, decision.Allowed);
        Assert.Equal(allowed, decision.Reason is null);
    }

    [Fact]
    public void A_refusal_names_the_project_managers()
    {
        var decision = Policy.Can(Nurse, ProjectAction.ManageMilestones, new ProjectBuilder().Build());

        Assert.Equal("Only the project managers of Epic EHR go-live (Priya Shah) can do that.", decision.Reason);
    }

    [Fact]
    public void A_refusal_to_an_outsider_names_neither_the_project_nor_its_pms()
    {
        var decision = Policy.Can(Outsider, ProjectAction.ViewStatus, new ProjectBuilder().Build());

        Assert.Equal("You are not on this project. Its project managers can add you.", decision.Reason);
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("allowed pm", true)]
    [InlineData("stakeholder", false)]
    public void Only_admins_and_allowed_pms_create_projects(string who, bool allowed)
    {
        var person = who switch { "admin" => Admin, "allowed pm" => AllowedPm, _ => Nurse };

        var decision = Policy.CanCreateProject(person);

        Assert.Equal(allowed, decision.Allowed);
        if (!allowed)
        {
            Assert.Contains("Ask your admin", decision.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_stakeholder_is_told_who_sees_the_budget()
    {
        var decision = Policy.Can(Nurse, ProjectAction.ViewBudget, new ProjectBuilder().Build());

        Assert.False(decision.Allowed);
        Assert.Equal("Budget figures of Epic EHR go-live are shown to its project managers and its leaders only.", decision.Reason);
    }

    [Fact]
    public void The_hospital_can_keep_budget_figures_to_project_managers()
    {
        var policy = new AccessPolicy(new HashSet<PersonId> { Admin }, new HashSet<PersonId>(), new HashSet<HealthItPm.Domain.Projects.ProjectRole> { HealthItPm.Domain.Projects.ProjectRole.ProjectManager });
        var project = new ProjectBuilder().Build();

        Assert.False(policy.Can(Cio, ProjectAction.ViewBudget, project).Allowed);
        Assert.True(policy.Can(Pm, ProjectAction.ViewBudget, project).Allowed);
        Assert.True(policy.Can(Admin, ProjectAction.ViewBudget, project).Allowed);
    }
}
