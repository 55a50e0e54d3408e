using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;
using HealthItPm.Domain.Tests.Projects;
using static HealthItPm.Domain.Tests.Projects.ProjectBuilder;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.Security;

/// <summary>
/// The whole authorization matrix: every role × every action × member, former member and outsider,
/// generated from the enumerations. A new action fails <see cref="Who_may_do_what"/> until it has a
/// row in <see cref="Expected"/>.
/// </summary>
public class AccessPolicyTests
{
    public enum Role
    {
        Admin,
        AllowedProjectManager,
        ProjectManager,
        ChainLeader,
        Leader,
        Stakeholder,
        RiskOwner,
    }

    public enum Membership
    {
        Member,
        FormerMember,
        Outsider,
    }

    private static readonly Role[] Members = [
        Role.AllowedProjectManager, Role.ProjectManager, Role.ChainLeader, Role.Leader, Role.Stakeholder, Role.RiskOwner];

    /// <summary>Besides admins (who may do everything): who may do each action, while on the project for project actions.</summary>
    private static readonly Dictionary<ProjectAction, Role[]> Expected = new()
    {
        [ProjectAction.ViewStatus] = Members,
        [ProjectAction.ViewBudget] = [Role.ProjectManager, Role.ChainLeader, Role.Leader],
        [ProjectAction.ManageStakeholders] = [Role.ProjectManager],
        [ProjectAction.ManageMilestones] = [Role.ProjectManager],
        [ProjectAction.ManageBudget] = [Role.ProjectManager],
        [ProjectAction.ManageKpis] = [Role.ProjectManager],
        [ProjectAction.ChangePhase] = [Role.ProjectManager],
        [ProjectAction.ManageCheckIns] = [Role.ProjectManager],
        [ProjectAction.ManageSurveys] = [Role.ProjectManager],
        [ProjectAction.LogRisks] = [Role.ProjectManager],
        [ProjectAction.ManageEscalation] = [Role.ProjectManager],
        [ProjectAction.ViewRisks] = Members,
        [ProjectAction.ChangeRisk] = [Role.ProjectManager, Role.ChainLeader, Role.RiskOwner],
        [ProjectAction.RespondToEscalation] = [Role.ChainLeader],
        [ProjectAction.ReportConcern] = Members,
        [ProjectAction.TriageConcern] = [Role.ProjectManager],
        [ProjectAction.AnswerCheckIn] = Members,
        [ProjectAction.CreateProject] = [Role.AllowedProjectManager],
        [ProjectAction.AllowProjectManagers] = [],
        [ProjectAction.ViewAudit] = [],
        [ProjectAction.ViewPipelineHealth] = [],
        [ProjectAction.ReceiveDigest] = [Role.ChainLeader, Role.Leader],
        [ProjectAction.SubscribeLeadersToDigest] = [Role.ProjectManager],
        [ProjectAction.PreviewDigest] = [Role.ProjectManager, Role.ChainLeader, Role.Leader],
        [ProjectAction.SendDigest] = [Role.ProjectManager],
        [ProjectAction.RemovePatientDetails] = [Role.ProjectManager],
        [ProjectAction.ViewGoLiveGate] = Members,
        [ProjectAction.ManageGoLiveGate] = [Role.ProjectManager],
    };

    private static readonly HashSet<ProjectAction> TenantWide = [
        ProjectAction.CreateProject,
        ProjectAction.AllowProjectManagers,
        ProjectAction.ViewAudit,
        ProjectAction.ViewPipelineHealth];

    private static readonly Dictionary<Role, PersonId> People =
        Enum.GetValues<Role>().ToDictionary(r => r, r => new PersonId($"a0000000-0000-0000-0000-00000000000{(int)r}"));

    private static readonly AccessPolicy Policy = new(
        new HashSet<PersonId> { People[Role.Admin] },
        new HashSet<PersonId> { People[Role.AllowedProjectManager] });

    public static TheoryData<Role, ProjectAction, Membership> Matrix()
    {
        var data = new TheoryData<Role, ProjectAction, Membership>();
        foreach (var role in Enum.GetValues<Role>())
        {
            foreach (var action in Enum.GetValues<ProjectAction>())
            {
                foreach (var membership in Enum.GetValues<Membership>())
                {
                    data.Add(role, action, membership);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Who_may_do_what(Role role, ProjectAction action, Membership membership)
    {
        Assert.True(Expected.TryGetValue(action, out var row), $"{action} has no row in the expected matrix: add who may do it.");
        Assert.True(AccessRules.Table.ContainsKey(action), $"{action} has no row in AccessRules.Table.");
        var (project, risk) = Situation(role, membership);
        var tenantWide = TenantWide.Contains(action);
        var allowed = role == Role.Admin || (row.Contains(role) && (tenantWide || membership == Membership.Member));

        var decision = Policy.Can(People[role], action, project, risk);

        Assert.Equal(allowed, decision.Allowed);
        Assert.Equal(allowed, decision.Refusal is null);
        if (!allowed && !tenantWide && membership != Membership.Member)
        {
            // Former members and outsiders learn nothing: the same refusal as for a project that does not exist.
            Assert.Equal(Refusal.NotOnProject(action, project.Code), decision.Refusal);
            Assert.Equal(new Outcome<Project>.Refused(decision.Refusal!), Policy.Authorize(People[role], project.Code, null, action));
        }
        else if (!allowed)
        {
            Assert.Equal(RefusalCode.OnlyFor, decision.Refusal!.Code);
            Assert.Equal(action, decision.Refusal.Action);
        }

        if (AccessRules.Of(action) is { Scope: ActionScope.Project, Who: Who.Members })
        {
            // Decided from the person's role alone (answering a round), the answer is the same.
            var byRole = Policy.CanAsMember(People[role], action, project.RoleOf(People[role]));
            Assert.Equal(allowed, byRole.Allowed);
            Assert.Equal(decision.Refusal, byRole.Refusal is null ? null : byRole.Refusal with { Project = project.Code });
        }
    }

    [Fact]
    public void Only_an_action_for_anyone_on_the_project_is_decided_from_the_role_alone() =>
        Assert.Throws<ArgumentException>(() => Policy.CanAsMember(
            People[Role.ProjectManager],
            ProjectAction.ChangeRisk,
            ProjectRole.ProjectManager));

    [Fact]
    public void Every_action_has_exactly_one_rule()
    {
        Assert.Equal(Enum.GetValues<ProjectAction>().Order(), AccessRules.Table.Keys.Order());
        Assert.Equal(TenantWide, AccessRules.Table.Where(r => r.Value.Scope == ActionScope.Tenant).Select(r => r.Key).ToHashSet());
    }

    [Fact]
    public void A_refusal_carries_the_project_and_its_managers_as_separate_values()
    {
        var decision = Policy.Can(Nurse, ProjectAction.ManageMilestones, new ProjectBuilder().Build());

        Assert.Equal(
            new Refusal(
                RefusalCode.OnlyFor,
                ProjectAction.ManageMilestones,
                new ProjectCode("EHR"),
                "Epic EHR go-live",
                ["Priya Shah"],
                Who.ProjectManagers),
            decision.Refusal);
    }

    [Fact]
    public void A_refusal_to_an_outsider_names_neither_the_project_nor_its_pms()
    {
        var refusal = Policy.Can(Outsider, ProjectAction.ViewStatus, new ProjectBuilder().Build()).Refusal!;

        Assert.Equal(RefusalCode.NotOnProject, refusal.Code);
        Assert.Null(refusal.ProjectName);
        Assert.Null(refusal.ProjectManagers);
    }

    [Fact]
    public void A_stakeholder_is_told_which_roles_see_the_budget()
    {
        var decision = Policy.Can(Nurse, ProjectAction.ViewBudget, new ProjectBuilder().Build());

        Assert.False(decision.Allowed);
        Assert.Equal(Who.ProjectManagers | Who.Leaders, decision.Refusal!.Allowed);
    }

    [Fact]
    public void The_hospital_can_keep_budget_figures_to_project_managers()
    {
        var policy = new AccessPolicy(
            new HashSet<PersonId> { People[Role.Admin] },
            new HashSet<PersonId>(),
            new HashSet<ProjectRole> { ProjectRole.ProjectManager });
        var project = new ProjectBuilder().Build();

        Assert.False(policy.Can(Cio, ProjectAction.ViewBudget, project).Allowed);
        Assert.Equal(Who.ProjectManagers, policy.Can(Cio, ProjectAction.ViewBudget, project).Refusal!.Allowed);
        Assert.True(policy.Can(Pm, ProjectAction.ViewBudget, project).Allowed);
        Assert.True(policy.Can(People[Role.Admin], ProjectAction.ViewBudget, project).Allowed);
    }

    [Fact]
    public void A_grant_from_an_admin_allows_creating_projects()
    {
        Assert.False(Policy.CanCreateProject(Nurse).Allowed);
        Assert.True(Policy.CanCreateProject(Nurse, grantedByAdmin: true).Allowed);
    }

    /// <summary>
    /// The EHR project with the person in their role (on it now, once and removed, or never), an
    /// escalation chain of one leader besides a leader not in it, and a risk the risk owner owns.
    /// </summary>
    private static (Project Project, Risk Risk) Situation(Role role, Membership membership)
    {
        var project = new ProjectBuilder().Build();
        var person = People[role];
        var (projectRole, discipline) = role switch
        {
            Role.ProjectManager => (ProjectRole.ProjectManager, StakeholderRole.It),
            Role.ChainLeader or Role.Leader => (ProjectRole.Leader, StakeholderRole.Leader),
            _ => (ProjectRole.Stakeholder, StakeholderRole.Nurse),
        };
        if (membership != Membership.Outsider && role != Role.Admin)
        {
            project.AddMember(new ProjectMember(person, $"Person {role}", projectRole, discipline, null));
        }

        var chainLeader = role == Role.ChainLeader && membership != Membership.Outsider ? person : Cio;
        project.SetEscalation([chainLeader], TimeSpan.FromHours(4), false);
        var owner = role == Role.RiskOwner ? person : Nurse;
        var risk = Risk.Log(
            new RiskId(project.Code, 1),
            Guarded.From("Barcode scanners late"),
            null,
            RiskCategory.Vendor,
            new RiskRating(3, 3),
            owner,
            null,
            null,
            Pm,
            DateTimeOffset.UnixEpoch);
        if (membership == Membership.FormerMember && role != Role.Admin)
        {
            project.RemoveMember(person);
        }

        return (project, risk);
    }
}
