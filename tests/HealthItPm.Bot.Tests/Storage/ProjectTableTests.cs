using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Features.Projects;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Storage;

[Collection(SharedStorageEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class ProjectTableTests(StorageEnvironment env)
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly PersonId Pm = new(Guid.NewGuid().ToString());
    private static readonly PersonId Nurse = new(Guid.NewGuid().ToString());

    private readonly TenantId _tenant = new(Guid.NewGuid().ToString());

    private ProjectTable Table => new(env.Tables);

    private static Project NewProject(string code = "EHR", string name = "Epic EHR go-live")
    {
        var project = Project.Create(new ProjectCode(code), Guarded.From(name), ProjectKind.Ehr, new ProjectSchedule(Today, Today.AddDays(60), Today.AddDays(120)), "America/Chicago",
            new ProjectMember(Pm, "Priya Shah", ProjectRole.ProjectManager, StakeholderRole.It, Guarded.From("Health IT")), Today);
        project.AddMilestone(new Milestone(Guarded.From("Go-live"), Today.AddDays(60), 40));
        project.SetBudget(1_250_000.50m);
        project.RecordSpend(new SpendEntry(1000, Today, Guarded.From("Kickoff catering")), Today);
        project.AddKpi(new Kpi(Guarded.From("No-show rate"), Guarded.From("%"), 18, 12, KpiDirection.LowerIsBetter, [new KpiMeasurement(Today, 17.5m)]));
        return project;
    }

    [Fact]
    public async Task A_project_reads_back_whole()
    {
        var project = NewProject();

        await Table.AddAsync(_tenant, project, default);
        var read = await Table.GetAsync(_tenant, new ProjectCode("ehr"), default);

        Assert.NotNull(read);
        var state = read.Project.ToState();
        Assert.Equal(("Epic EHR go-live", 1_250_000.50m, "America/Chicago"), (state.Name, state.BudgetAtCompletion, state.TimeZone));
        Assert.Equal(project.Milestones, read.Project.Milestones);
        Assert.Equal(project.Spend, read.Project.Spend);
        Assert.Equal(17.5m, read.Project.Kpis[0].Latest!.Value);
        Assert.Equal(ProjectRole.ProjectManager, read.Project.RoleOf(Pm));
    }

    [Fact]
    public async Task A_taken_code_is_a_conflict()
    {
        await Table.AddAsync(_tenant, NewProject(), default);

        var error = await Assert.ThrowsAsync<ProjectConflictException>(() => Table.AddAsync(_tenant, NewProject(name: "Another"), default));

        Assert.Contains("already a project with the code EHR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_by_tenant_and_by_person_follow_membership()
    {
        var table = Table;
        await table.AddAsync(_tenant, NewProject("EHR"), default);
        await table.AddAsync(_tenant, NewProject("PACS", "PACS upgrade"), default);
        var ehr = (await table.GetAsync(_tenant, new ProjectCode("EHR"), default))!;
        ehr.Project.AddMember(new ProjectMember(Nurse, "Nina Patel", ProjectRole.Stakeholder, StakeholderRole.Nurse, Guarded.From("ICU")));
        await table.SaveAsync(_tenant, ehr, default);

        Assert.Equal(["EHR", "PACS"], (await table.ListAsync(_tenant, default)).Select(p => p.Code.Value));
        Assert.Equal(["EHR"], (await table.ListForPersonAsync(_tenant, Nurse, default)).Select(p => p.Code.Value));
        Assert.Equal(["EHR", "PACS"], (await table.ListForPersonAsync(_tenant, Pm, default)).Select(p => p.Code.Value));
        Assert.Empty(await table.ListAsync(new TenantId(Guid.NewGuid().ToString()), default));

        var again = (await table.GetAsync(_tenant, new ProjectCode("EHR"), default))!;
        again.Project.RemoveMember(Nurse);
        await table.SaveAsync(_tenant, again, default);
        Assert.Empty(await table.ListForPersonAsync(_tenant, Nurse, default));
    }

    [Fact]
    public async Task A_persons_role_is_read_from_their_index_row_and_follows_every_change()
    {
        var table = Table;
        var code = new ProjectCode("EHR");
        await table.AddAsync(_tenant, NewProject(), default);
        Assert.Equal(ProjectRole.ProjectManager, await table.RoleOfAsync(_tenant, code, Pm, default));
        Assert.Null(await table.RoleOfAsync(_tenant, code, Nurse, default));
        Assert.Null(await table.RoleOfAsync(_tenant, new ProjectCode("PACS"), Pm, default));

        var added = (await table.GetAsync(_tenant, code, default))!;
        added.Project.AddMember(new ProjectMember(Nurse, "Nina Patel", ProjectRole.Stakeholder, StakeholderRole.Nurse, Guarded.From("ICU")));
        await table.SaveAsync(_tenant, added, default);
        Assert.Equal(ProjectRole.Stakeholder, await table.RoleOfAsync(_tenant, code, Nurse, default));

        var removed = (await table.GetAsync(_tenant, code, default))!;
        removed.Project.RemoveMember(Nurse);
        await table.SaveAsync(_tenant, removed, default);
        Assert.Null(await table.RoleOfAsync(_tenant, code, Nurse, default));
        Assert.Null(await table.RoleOfAsync(new TenantId(Guid.NewGuid().ToString()), code, Pm, default));
    }

    [Fact]
    public async Task A_projects_summary_is_read_from_its_row_alone_and_follows_every_change()
    {
        var table = Table;
        var code = new ProjectCode("EHR");
        Assert.Null(await table.SummaryOfAsync(_tenant, code, default));
        await table.AddAsync(_tenant, NewProject(), default);
        Assert.Equal(Assert.Single(await table.ListAsync(_tenant, default)), await table.SummaryOfAsync(_tenant, code, default));

        var stored = (await table.GetAsync(_tenant, code, default))!;
        stored.Project.MoveTo(ProjectPhase.Build, Pm, DateTimeOffset.UnixEpoch);
        await table.SaveAsync(_tenant, stored, default);
        Assert.Equal(ProjectPhase.Build, (await table.SummaryOfAsync(_tenant, code, default))!.Phase);
        Assert.Null(await table.SummaryOfAsync(new TenantId(Guid.NewGuid().ToString()), code, default));
    }

    [Fact]
    public async Task A_project_with_hundreds_of_people_saves_and_its_index_follows_every_change()
    {
        // A table batch holds at most 100 operations; a go-live easily has more people than that.
        var table = Table;
        await table.AddAsync(_tenant, NewProject(), default);
        var people = Enumerable.Range(0, 250).Select(_ => new PersonId(Guid.NewGuid().ToString())).ToList();
        var stored = (await table.GetAsync(_tenant, new ProjectCode("EHR"), default))!;
        foreach (var person in people)
        {
            stored.Project.AddMember(new ProjectMember(person, "Nurse", ProjectRole.Stakeholder, StakeholderRole.Nurse, Guarded.From("4 West")));
        }

        await table.SaveAsync(_tenant, stored, default);
        var moved = (await table.GetAsync(_tenant, new ProjectCode("EHR"), default))!;
        moved.Project.MoveTo(ProjectPhase.Build, Pm, DateTimeOffset.UnixEpoch);
        foreach (var person in people.Take(120))
        {
            moved.Project.RemoveMember(person);
        }

        await table.SaveAsync(_tenant, moved, default);

        var reloaded = (await table.GetAsync(_tenant, new ProjectCode("EHR"), default))!.Project;
        Assert.Equal(131, reloaded.Members.Count);
        Assert.Equal(new PhaseChange(ProjectPhase.Planning, ProjectPhase.Build, Pm, DateTimeOffset.UnixEpoch), Assert.Single(reloaded.PhaseHistory));
        Assert.Empty(await table.ListForPersonAsync(_tenant, people[0], default));
        Assert.Equal(ProjectPhase.Build, Assert.Single(await table.ListForPersonAsync(_tenant, people[^1], default)).Phase);
        Assert.Equal(ProjectPhase.Build, Assert.Single(await table.ListForPersonAsync(_tenant, Pm, default)).Phase);
    }

    [Fact]
    public async Task A_save_over_a_newer_version_is_refused_and_changes_nothing()
    {
        var table = Table;
        await table.AddAsync(_tenant, NewProject(), default);
        var first = (await table.GetAsync(_tenant, new ProjectCode("EHR"), default))!;
        var second = (await table.GetAsync(_tenant, new ProjectCode("EHR"), default))!;
        first.Project.AddMilestone(new Milestone(Guarded.From("Build"), Today.AddDays(20), 20));
        await table.SaveAsync(_tenant, first, default);

        second.Project.AddMember(new ProjectMember(Nurse, "Nina Patel", ProjectRole.Stakeholder, StakeholderRole.Nurse, null));
        await Assert.ThrowsAsync<ProjectConflictException>(() => table.SaveAsync(_tenant, second, default));

        var stored = (await table.GetAsync(_tenant, new ProjectCode("EHR"), default))!.Project;
        Assert.Equal(2, stored.Milestones.Count);
        Assert.Null(stored.RoleOf(Nurse));
        Assert.Empty(await table.ListForPersonAsync(_tenant, Nurse, default));
    }

    [Fact]
    public async Task A_missing_project_reads_as_none() =>
        Assert.Null(await Table.GetAsync(_tenant, new ProjectCode("NOPE"), default));
}
