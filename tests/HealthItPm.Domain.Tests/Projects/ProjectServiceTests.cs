using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static HealthItPm.Domain.Tests.Projects.ProjectBuilder;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.Projects;

public class ProjectServiceTests
{
    private static readonly TenantId Tenant = new("4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f");
    private static readonly ProjectCode Ehr = new("EHR");

    private readonly Mock<IProjectRepository> _repository = new(MockBehavior.Strict);
    private readonly Mock<IProjectManagerGrants> _grants = new();

    // 2026-11-26 03:00 UTC is still 2026-11-25 in Chicago: "today" is the project's day, not UTC's.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero));

    private static readonly PersonId Admin = new("99999999-9999-9999-9999-999999999999");

    private readonly Mock<IAuditLog> _audit = new();

    private ProjectService Service => new(
        _repository.Object,
        _grants.Object,
        new AccessPolicy(new HashSet<PersonId> { Admin }, new HashSet<PersonId> { Pm }),
        _audit.Object,
        _clock);

    private static NewProject Input(string code = "EHR") =>
        new(code, Guarded.From("Epic EHR go-live"), ProjectKind.Ehr, Today, Today.AddDays(60), Today.AddDays(120), "America/Chicago");

    private static ProjectMember Creator(PersonId person) =>
        new(person, "Priya Shah", ProjectRole.ProjectManager, StakeholderRole.It, null);

    [Fact]
    public void Today_is_the_date_in_the_projects_time_zone()
    {
        Assert.Equal(Today, Service.TodayIn("America/Chicago"));
        Assert.Equal(Today.AddDays(1), Service.TodayIn("Europe/Berlin"));
    }

    [Fact]
    public async Task An_allowed_pm_creates_a_project_and_becomes_its_pm()
    {
        _repository.Setup(r => r.AddAsync(Tenant, It.IsAny<Project>(), default)).Returns(Task.CompletedTask);

        var outcome = await Service.CreateAsync(Tenant, Creator(Pm), Input(), default);

        var project = Assert.IsType<Outcome<Project>.Done>(outcome).Value;
        Assert.Equal(ProjectRole.ProjectManager, project.RoleOf(Pm));
        _repository.Verify(r => r.AddAsync(Tenant, project, default), Times.Once);
    }

    [Fact]
    public async Task Someone_not_allowed_to_be_a_pm_is_refused_and_nothing_is_stored()
    {
        var outcome = await Service.CreateAsync(Tenant, Creator(Nurse), Input(), default);

        Assert.Equal(
            new Refusal(RefusalCode.OnlyFor, ProjectAction.CreateProject, Allowed: Who.AllowedProjectManagers),
            Assert.IsType<Outcome<Project>.Refused>(outcome).Reason);
    }

    [Fact]
    public async Task Someone_an_admin_granted_may_create_a_project()
    {
        _grants.Setup(g => g.IsGrantedAsync(Tenant, Nurse, default)).ReturnsAsync(true);
        _repository.Setup(r => r.AddAsync(Tenant, It.IsAny<Project>(), default)).Returns(Task.CompletedTask);

        var outcome = await Service.CreateAsync(Tenant, Creator(Nurse), Input(), default);

        Assert.Equal(ProjectRole.ProjectManager, Assert.IsType<Outcome<Project>.Done>(outcome).Value.RoleOf(Nurse));
    }

    [Fact]
    public async Task Only_an_admin_grants_and_the_grant_is_recorded_with_who_and_when()
    {
        var refused = await Service.AllowProjectManagersAsync(Tenant, Pm, [(Nurse, "Nina Patel")], default);
        _grants.Setup(g => g.ListAsync(Tenant, default)).ReturnsAsync([]);
        var done = await Service.AllowProjectManagersAsync(Tenant, Admin, [(Nurse, "Nina Patel")], default);

        Assert.Equal(
            new Refusal(RefusalCode.OnlyFor, ProjectAction.AllowProjectManagers),
            Assert.IsType<Outcome<IReadOnlyList<ProjectManagerGrant>>.Refused>(refused).Reason);
        Assert.IsType<Outcome<IReadOnlyList<ProjectManagerGrant>>.Done>(done);
        _grants.Verify(
            g => g.GrantAsync(Tenant, new ProjectManagerGrant(Nurse, "Nina Patel", Admin, _clock.GetUtcNow()), default),
            Times.Once);
    }

    [Theory]
    [InlineData("E", CommonProblem.NotAProjectCode)]
    [InlineData("EHR", ProjectProblem.GoLiveInPast)]
    public async Task Invalid_input_is_explained(string code, Enum problem)
    {
        var input = code == "EHR" ? Input() with { GoLive = Today.AddDays(-1), Start = Today.AddDays(-10) } : Input(code);

        var outcome = await Service.CreateAsync(Tenant, Creator(Pm), input, default);

        Assert.Equal(problem, Assert.IsType<Outcome<Project>.Invalid>(outcome).Problem.Code);
    }

    [Fact]
    public async Task A_taken_code_is_explained()
    {
        _repository.Setup(r => r.AddAsync(Tenant, It.IsAny<Project>(), default))
            .ThrowsAsync(new ProjectConflictException("There is already a project with the code EHR."));

        var outcome = await Service.CreateAsync(Tenant, Creator(Pm), Input(), default);

        Assert.Equal(Problem.ProjectCodeTaken(Ehr), Assert.IsType<Outcome<Project>.Invalid>(outcome).Problem);
    }

    [Fact]
    public async Task A_change_that_loses_a_race_is_applied_to_the_winners_version()
    {
        var first = new VersionedProject(new ProjectBuilder().Build(), "v1");
        var winner = new ProjectBuilder().WithMilestone("Build", Today.AddDays(10), 20).Build();
        var second = new VersionedProject(winner, "v2");
        _repository.SetupSequence(r => r.GetAsync(Tenant, Ehr, default)).ReturnsAsync(first).ReturnsAsync(second);
        _repository.Setup(r => r.SaveAsync(Tenant, first, default)).ThrowsAsync(new ProjectConflictException("changed"));
        _repository.Setup(r => r.SaveAsync(Tenant, second, default)).Returns(Task.CompletedTask);

        var outcome = await Service.ChangeAsync(
            Tenant,
            Pm,
            Ehr,
            ProjectAction.ManageMilestones,
            (p, today) => p.AddMilestone(new Milestone(Guarded.From("Go-live"), today.AddDays(60), 40)),
            default);

        var project = Assert.IsType<Outcome<Project>.Done>(outcome).Value;
        Assert.Equal(["Build", "Go-live"], project.Milestones.Select(m => m.Name.Value));
    }

    [Fact]
    public async Task Two_lost_races_in_a_row_ask_the_person_to_try_again()
    {
        _repository.Setup(r => r.GetAsync(Tenant, Ehr, default))
            .ReturnsAsync(() => new VersionedProject(new ProjectBuilder().Build(), "v"));
        _repository.Setup(r => r.SaveAsync(Tenant, It.IsAny<VersionedProject>(), default))
            .ThrowsAsync(new ProjectConflictException(
                "Epic EHR go-live was changed by someone else while you were editing it. Please try again."));

        var outcome = await Service.ChangeAsync(Tenant, Pm, Ehr, ProjectAction.ManageBudget, (p, _) => p.SetBudget(10), default);

        Assert.Equal(Problem.ProjectChangedMeanwhile("Epic EHR go-live"), Assert.IsType<Outcome<Project>.Invalid>(outcome).Problem);
        _repository.Verify(r => r.SaveAsync(Tenant, It.IsAny<VersionedProject>(), default), Times.Exactly(2));
    }

    [Fact]
    public async Task A_stakeholder_cannot_change_the_plan_and_nothing_is_saved()
    {
        _repository.Setup(r => r.GetAsync(Tenant, Ehr, default)).ReturnsAsync(new VersionedProject(new ProjectBuilder().Build(), "v"));

        var outcome = await Service.ChangeAsync(
            Tenant,
            Nurse,
            Ehr,
            ProjectAction.ManageMilestones,
            (p, today) => p.AddMilestone(new Milestone(Guarded.From("X"), today, 1)),
            default);

        Assert.Equal(Who.ProjectManagers, Assert.IsType<Outcome<Project>.Refused>(outcome).Reason.Allowed);
    }

    [Fact]
    public async Task An_invalid_change_is_explained_and_not_saved()
    {
        _repository.Setup(r => r.GetAsync(Tenant, Ehr, default)).ReturnsAsync(new VersionedProject(new ProjectBuilder().Build(), "v"));

        var outcome = await Service.ChangeAsync(Tenant, Pm, Ehr, ProjectAction.ManageBudget, (p, _) => p.SetBudget(-5), default);

        Assert.Equal(Problem.BudgetNotPositive(), Assert.IsType<Outcome<Project>.Invalid>(outcome).Problem);
    }

    [Fact]
    public async Task An_unknown_project_says_where_to_look()
    {
        _repository.Setup(r => r.GetAsync(Tenant, Ehr, default)).ReturnsAsync((VersionedProject?)null);

        Assert.Equal(
            Refusal.NotOnProject(ProjectAction.ViewStatus, Ehr),
            Assert.IsType<Outcome<Project>.Refused>(await Service.ViewAsync(Tenant, Pm, Ehr, default)).Reason);
        Assert.Equal(
            Refusal.NotOnProject(ProjectAction.ManageBudget, Ehr),
            Assert.IsType<Outcome<Project>.Refused>(await Service.ChangeAsync(
                Tenant, Pm, Ehr, ProjectAction.ManageBudget, (_, _) => { }, default)).Reason);
    }

    [Fact]
    public async Task Viewing_follows_the_access_policy()
    {
        _repository.Setup(r => r.GetAsync(Tenant, Ehr, default)).ReturnsAsync(new VersionedProject(new ProjectBuilder().Build(), "v"));

        Assert.IsType<Outcome<Project>.Done>(await Service.ViewAsync(Tenant, Nurse, Ehr, default));
        Assert.IsType<Outcome<Project>.Refused>(await Service.ViewAsync(Tenant, Nurse, Ehr, default, ProjectAction.ManageMilestones));
    }

    [Fact]
    public async Task An_outsider_hears_the_same_whether_the_project_exists_or_not()
    {
        var missing = new ProjectCode("NOPE");
        _repository.Setup(r => r.GetAsync(Tenant, Ehr, default)).ReturnsAsync(new VersionedProject(new ProjectBuilder().Build(), "v"));
        _repository.Setup(r => r.GetAsync(Tenant, missing, default)).ReturnsAsync((VersionedProject?)null);

        var existing = Assert.IsType<Outcome<Project>.Refused>(await Service.ViewAsync(Tenant, Outsider, Ehr, default)).Reason;
        var absent = Assert.IsType<Outcome<Project>.Refused>(await Service.ViewAsync(Tenant, Outsider, missing, default)).Reason;
        var changing = Assert.IsType<Outcome<Project>.Refused>(await Service.ChangeAsync(
            Tenant,
            Outsider,
            Ehr,
            ProjectAction.ManageMilestones,
            (_, _) => { },
            default)).Reason;

        Assert.Equal(absent with { Project = Ehr }, existing);
        Assert.Equal(existing with { Action = ProjectAction.ManageMilestones }, changing);
        Assert.Equal(Refusal.NotOnProject(ProjectAction.ViewStatus, Ehr), existing);
    }

    [Fact]
    public async Task Each_change_is_audited_with_who_what_and_the_project_and_a_refused_one_is_not()
    {
        _repository.Setup(r => r.GetAsync(Tenant, Ehr, default)).ReturnsAsync(new VersionedProject(new ProjectBuilder().Build(), "v"));
        _repository.Setup(r => r.AddAsync(Tenant, It.IsAny<Project>(), default)).Returns(Task.CompletedTask);
        _repository.Setup(r => r.SaveAsync(Tenant, It.IsAny<VersionedProject>(), default)).Returns(Task.CompletedTask);

        await Service.CreateAsync(Tenant, Creator(Pm), Input("PACS"), default);
        await Service.ChangeAsync(
            Tenant,
            Pm,
            Ehr,
            ProjectAction.ManageMilestones,
            (p, today) => p.AddMilestone(new Milestone(Guarded.From("Build"), today, 1)),
            default);
        await Service.ChangeAsync(Tenant, Nurse, Ehr, ProjectAction.ManageBudget, (p, _) => p.SetBudget(1), default);
        _grants.Setup(g => g.ListAsync(Tenant, default)).ReturnsAsync([]);
        await Service.AllowProjectManagersAsync(Tenant, Admin, [(Nurse, "Nina Patel")], default);

        var now = _clock.GetUtcNow();
        _audit.Verify(
            a => a.AppendAsync(
                Tenant,
                new HealthItPm.Domain.Audit.AuditEntry(
                    now,
                    Pm,
                    ProjectAudit.ProjectCreated,
                    new ProjectCode("PACS"),
                    null),
                default),
            Times.Once);
        _audit.Verify(
            a => a.AppendAsync(
                Tenant,
                new HealthItPm.Domain.Audit.AuditEntry(now, Pm, ProjectAudit.MilestonesChanged, Ehr, null),
                default),
            Times.Once);
        _audit.Verify(
            a => a.AppendAsync(
                Tenant,
                new HealthItPm.Domain.Audit.AuditEntry(
                    now,
                    Admin,
                    ProjectAudit.ProjectManagerAllowed,
                    null,
                    Nurse.Value),
                default),
            Times.Once);
        _audit.VerifyNoOtherCalls();
    }
}
