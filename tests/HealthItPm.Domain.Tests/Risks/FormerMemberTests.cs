using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static HealthItPm.Domain.Tests.Projects.ProjectBuilder;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.Risks;

/// <summary>Someone taken off a project no longer acts on its risks, and the risks they owned do not stay theirs.</summary>
public class FormerMemberTests
{
    private static readonly TenantId Tenant = new("4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f");
    private static readonly ProjectCode Ehr = new("EHR");
    private static readonly RiskId First = new(Ehr, 1);

    private readonly Project _project = new Projects.ProjectBuilder().Build();
    private readonly Dictionary<RiskId, Risk> _risks = [];
    private readonly Mock<IRiskStore> _store = new();
    private readonly Mock<IProjectRepository> _projects = new();
    private readonly Mock<IAuditLog> _audit = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero));

    public FormerMemberTests()
    {
        _projects.Setup(p => p.GetAsync(Tenant, Ehr, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new VersionedProject(_project, "p"));
        _store.Setup(s => s.GetAsync(Tenant, It.IsAny<RiskId>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TenantId _, RiskId id, CancellationToken _) => _risks.TryGetValue(id, out var risk)
                ? new VersionedRisk(risk, "r")
                : null);
        _store.Setup(s => s.SaveAsync(Tenant, It.IsAny<VersionedRisk>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        _store.Setup(s => s.ListAsync(Tenant, Ehr, It.IsAny<CancellationToken>())).ReturnsAsync(() => [.. _risks.Values]);
    }

    private static AccessPolicy Access => new(new HashSet<PersonId>(), new HashSet<PersonId> { Pm });

    private RiskChanges Service => new(
        _store.Object,
        _projects.Object,
        Access,
        _audit.Object,
        new RiskWriter(_store.Object, _projects.Object, Access, _audit.Object, _clock));

    private RiskRegister Register => new(_store.Object, _projects.Object, Access, _audit.Object, _clock);

    private Risk OwnedByNurse(int number, bool closed = false)
    {
        var risk = Risk.Log(
            new RiskId(Ehr, number),
            Guarded.From("Barcode scanners late"),
            null,
            RiskCategory.Vendor,
            new RiskRating(3, 3),
            Nurse,
            null,
            null,
            Pm,
            _clock.GetUtcNow());
        if (closed)
        {
            risk.Close(Pm, _clock.GetUtcNow());
        }

        _risks[risk.Id] = risk;
        return risk;
    }

    [Fact]
    public async Task The_owner_acts_while_on_the_project()
    {
        OwnedByNurse(1);

        Assert.IsType<Outcome<(
            Project,
            Risk)>.Done>(await Service.UpdateAsync(Tenant, Nurse, First, new RiskUpdate(new RiskRating(2, 2), null, null), default));
    }

    [Fact]
    public async Task A_removed_owner_can_neither_update_nor_assign_and_is_told_nothing_about_the_risk()
    {
        var risk = OwnedByNurse(1);
        _project.RemoveMember(Nurse);

        var update = await Service.UpdateAsync(Tenant, Nurse, First, new RiskUpdate(new RiskRating(5, 5), null, null), default);
        var assign = await Service.AssignOwnerAsync(Tenant, Nurse, First, Pm, default);
        var missing = await Service.UpdateAsync(
            Tenant,
            Nurse,
            new RiskId(Ehr, 99),
            new RiskUpdate(new RiskRating(5, 5), null, null),
            default);

        Assert.Equal(Refusal.NoSuchRisk(ProjectAction.ChangeRisk, First), Assert.IsType<Outcome<(Project, Risk)>.Refused>(update).Reason);
        Assert.Equal(Refusal.NoSuchRisk(ProjectAction.ChangeRisk, First), Assert.IsType<Outcome<(Project, Risk)>.Refused>(assign).Reason);
        Assert.Equal(
            Refusal.NoSuchRisk(ProjectAction.ChangeRisk, new RiskId(Ehr, 99)),
            Assert.IsType<Outcome<(Project, Risk)>.Refused>(missing).Reason);
        // Refused before the risk is read: nothing about it is looked at for someone not on the project.
        _store.Verify(s => s.GetAsync(It.IsAny<TenantId>(), It.IsAny<RiskId>(), It.IsAny<CancellationToken>()), Times.Never);
        _audit.VerifyNoOtherCalls();
        Assert.Equal(new RiskRating(3, 3), risk.Rating);
        Assert.Equal(Nurse, risk.Owner);
        _store.Verify(s => s.SaveAsync(It.IsAny<TenantId>(), It.IsAny<VersionedRisk>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public void A_removed_owner_is_offered_no_actions_on_the_card()
    {
        var risk = OwnedByNurse(1);
        _project.RemoveMember(Nurse);

        Assert.False(Register.PermissionsOf(_project, risk, Nurse).AssignOwner);
    }

    [Fact]
    public async Task Removing_an_owner_hands_their_open_risks_to_the_pm_who_removed_them_and_records_it()
    {
        var open = OwnedByNurse(1);
        var closed = OwnedByNurse(2, closed: true);
        _project.RemoveMember(Nurse);

        var handedOver = await Service.HandOverRisksOfAsync(Tenant, Pm, Ehr, Nurse, default);

        Assert.Equal([First], handedOver);
        Assert.Equal(Pm, open.Owner);
        Assert.Contains(
            open.History,
            e => e.By == Pm && e.Kind == RiskEventKind.OwnerAssigned && e.OwnerBefore == Nurse && e.OwnerAfter == Pm);
        Assert.Equal(Nurse, closed.Owner);
        _audit.Verify(
            a => a.AppendAsync(
                Tenant,
                new HealthItPm.Domain.Audit.AuditEntry(
                    _clock.GetUtcNow(),
                    Pm,
                    RiskAudit.RiskHandedOver,
                    Ehr,
                    "EHR-R1"),
                default),
            Times.Once);
        _audit.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Nothing_is_handed_over_while_the_owner_is_still_on_the_project_or_by_someone_who_may_not_remove_them()
    {
        var risk = OwnedByNurse(1);

        Assert.Empty(await Service.HandOverRisksOfAsync(Tenant, Pm, Ehr, Nurse, default));
        _project.RemoveMember(Nurse);
        Assert.Empty(await Service.HandOverRisksOfAsync(Tenant, Cio, Ehr, Nurse, default));
        Assert.Equal(Nurse, risk.Owner);
    }
}
