using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;
using HealthItPm.Domain.Tests.Fakes;
using HealthItPm.Domain.Tests.Projects;
using HealthItPm.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static HealthItPm.Domain.Tests.Projects.ProjectBuilder;

namespace HealthItPm.Domain.Tests.Risks;

/// <summary>
/// What help offers is what the access table allows: for each person, the actions <see cref="Capabilities"/>
/// finds are exactly those <see cref="RiskAccess.Can"/> allows on their project (with the risk they own),
/// plus the tenant-wide ones it allows them. A command without a project is refused with the roles that may.
/// </summary>
public class CapabilitiesTests
{
    private static readonly TenantId Tenant = new("4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f");
    private static readonly PersonId Admin = new("55555555-5555-5555-5555-555555555555");
    private static readonly PersonId ChainLeader = new("66666666-6666-6666-6666-666666666666");
    private static readonly PersonId Former = new("77777777-7777-7777-7777-777777777777");
    private static readonly PersonId Owner = new("88888888-8888-8888-8888-888888888888");
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private readonly AccessPolicy _access = new(new HashSet<PersonId> { Admin }, new HashSet<PersonId> { Pm });
    private readonly InMemoryProjects _projects = new();
    private readonly InMemoryRisks _risks = new();
    private readonly Project _project;
    private readonly Risk _owned;

    public CapabilitiesTests()
    {
        _project = new ProjectBuilder().Build();
        _project.AddMember(new ProjectMember(ChainLeader, "Dr. Ada Chen", ProjectRole.Leader, StakeholderRole.Leader, null));
        _project.AddMember(new ProjectMember(Owner, "Sam Rivera", ProjectRole.Stakeholder, StakeholderRole.It, null));
        _project.AddMember(new ProjectMember(Former, "Lee Park", ProjectRole.Leader, StakeholderRole.Leader, null));
        _project.RemoveMember(Former);
        _project.SetEscalation([ChainLeader], TimeSpan.FromHours(4), false);
        _projects.With(Tenant, _project);
        _owned = Risk.Log(
            new RiskId(_project.Code, 1), Guarded.From("Scanners late"), null, RiskCategory.Vendor, new RiskRating(3, 3), Owner, null, null,
            Pm, Now);
        _risks.AddAsync(Tenant, _owned, default).GetAwaiter().GetResult();
    }

    private Capabilities Capabilities() =>
        new(_projects, _risks, Mock.Of<IProjectManagerGrants>(), _access, new FakeTimeProvider(Now));

    public static TheoryData<string> People() =>
        ["pm", "nurse", "leader", "chain leader", "risk owner", "former leader", "outsider", "admin"];

    private static PersonId Person(string who) => who switch
    {
        "pm" => Pm,
        "nurse" => Nurse,
        "leader" => Cio,
        "chain leader" => ChainLeader,
        "risk owner" => Owner,
        "former leader" => Former,
        "outsider" => Outsider,
        _ => Admin,
    };

    [Theory]
    [MemberData(nameof(People))]
    public async Task A_person_may_do_somewhere_exactly_what_the_table_allows_them_on_their_project(string who)
    {
        var person = Person(who);
        var expected = Enum.GetValues<ProjectAction>()
            .Where(a => AccessRules.Of(a).Scope == ActionScope.Tenant
                ? _access.CanInTenant(person, a).Allowed
                : _access.Can(person, a, _project, person == Owner ? _owned : null).Allowed)
            .Order();

        Assert.Equal(expected, (await Capabilities().OfAsync(Tenant, person, default)).Order());
    }

    [Fact]
    public async Task A_stakeholder_who_owns_no_open_risk_may_not_change_risks_and_one_who_does_may()
    {
        Assert.DoesNotContain(ProjectAction.ChangeRisk, await Capabilities().OfAsync(Tenant, Nurse, default));
        Assert.Contains(ProjectAction.ChangeRisk, await Capabilities().OfAsync(Tenant, Owner, default));

        var closed = (await _risks.GetAsync(Tenant, _owned.Id, default))!;
        closed.Risk.Close(Pm, Now);
        Assert.True(await _risks.SaveAsync(Tenant, closed, default));
        Assert.DoesNotContain(ProjectAction.ChangeRisk, await Capabilities().OfAsync(Tenant, Owner, default));
    }

    [Fact]
    public async Task Asked_without_a_project_a_stakeholder_is_refused_with_the_roles_that_may()
    {
        var capabilities = Capabilities();

        Assert.Equal(
            Refusal.OnNoProject(ProjectAction.ReceiveDigest, Who.Leaders),
            (await capabilities.CanOnAnyAsync(Tenant, Nurse, ProjectAction.ReceiveDigest, default)).Refusal);
        Assert.Equal(
            Refusal.OnNoProject(ProjectAction.PreviewDigest, Who.ProjectManagers | Who.Leaders),
            (await capabilities.CanOnAnyAsync(Tenant, Nurse, ProjectAction.PreviewDigest, default)).Refusal);
        Assert.Equal(
            Refusal.OnNoProject(ProjectAction.ReceiveDigest, Who.Leaders),
            (await capabilities.CanOnAnyAsync(Tenant, Former, ProjectAction.ReceiveDigest, default)).Refusal);
        Assert.True((await capabilities.CanOnAnyAsync(Tenant, Cio, ProjectAction.ReceiveDigest, default)).Allowed);
        Assert.True((await capabilities.CanOnAnyAsync(Tenant, Admin, ProjectAction.SendDigest, default)).Allowed);
    }
}
