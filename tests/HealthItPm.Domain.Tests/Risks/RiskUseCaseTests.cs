using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;
using HealthItPm.Domain.Tests.Fakes;
using HealthItPm.Testing;
using Microsoft.Extensions.Time.Testing;
using static HealthItPm.Domain.Tests.Projects.ProjectBuilder;

namespace HealthItPm.Domain.Tests.Risks;

/// <summary>
/// The risk use cases' rules (register, changes, concern triage) on in-memory stores, in milliseconds: who may log,
/// change and triage, what a change needs, how a change that loses a race is tried again, what the
/// audit log records. The stores' own behaviour is proven against Azurite (RiskTableTests, RiskFlowTests).
/// </summary>
public class RiskUseCaseTests
{
    private static readonly TenantId Tenant = new("7c2e9a41-5b3d-4f6e-8a1c-2d3e4f5a6b7c");
    private static readonly ProjectCode Ehr = new("EHR");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 15, 0, 0, TimeSpan.Zero));
    private readonly InMemoryProjects _projects = new();
    private readonly InMemoryRisks _risks = new();
    private readonly InMemoryAuditLog _audit = new();
    private readonly RiskRegister _register;
    private readonly RiskChanges _changes;
    private readonly ConcernTriage _concerns;

    public RiskUseCaseTests()
    {
        _projects.With(Tenant, new Projects.ProjectBuilder().Build());
        var access = new AccessPolicy(new HashSet<PersonId>(), new HashSet<PersonId> { Pm });
        _register = new RiskRegister(_risks, _projects, access, _audit, _clock);
        _changes = new RiskChanges(_risks, _projects, access, _audit, new RiskWriter(_risks, _projects, access, _audit, _clock));
        _concerns = new ConcernTriage(_risks, _projects, access, _audit, _clock);
    }

    private static NewRisk Scanners(int probability = 3, int impact = 3) =>
        new(Guarded.From("Barcode scanners arrive late"), null, RiskCategory.Vendor, probability, impact, null, null);

    private async Task<Risk> LogAsync(int probability = 3, int impact = 3) =>
        Assert.IsType<Outcome<Risk>.Done>(await _register.LogAsync(Tenant, Pm, Ehr, Scanners(probability, impact), default)).Value;

    private async Task<Risk> StoredAsync(RiskId id) => (await _risks.GetAsync(Tenant, id, default))!.Risk;

    [Fact]
    public async Task Pms_log_risks_numbered_per_project_and_no_one_else_does()
    {
        var first = await LogAsync();
        var second = await LogAsync();
        var byNurse = await _register.LogAsync(Tenant, Nurse, Ehr, Scanners(), default);
        var byOutsider = await _register.LogAsync(Tenant, Outsider, Ehr, Scanners(), default);

        Assert.Equal(["EHR-R1", "EHR-R2"], new[] { first.Id, second.Id }.Select(id => id.ToString()));
        Assert.Equal(RefusalCode.OnlyFor, Assert.IsType<Outcome<Risk>.Refused>(byNurse).Reason.Code);
        Assert.Equal(RefusalCode.NotOnProject, Assert.IsType<Outcome<Risk>.Refused>(byOutsider).Reason.Code);
        Assert.Equal(2, (await _risks.ListAsync(Tenant, Ehr, default)).Count);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(3, 6)]
    public async Task A_rating_outside_one_to_five_is_refused_and_takes_no_number(int probability, int impact)
    {
        Assert.IsType<Outcome<Risk>.Invalid>(await _register.LogAsync(Tenant, Pm, Ehr, Scanners(probability, impact), default));

        Assert.Equal("EHR-R1", (await LogAsync()).Id.ToString());
    }

    [Fact]
    public async Task The_owner_updates_their_risk_and_a_stakeholder_who_does_not_own_it_may_not()
    {
        var risk = await LogAsync();
        var refused = await _changes.UpdateAsync(Tenant, Nurse, risk.Id, new RiskUpdate(new RiskRating(4, 4), null, null), default);
        Assert.IsType<Outcome<(Project, Risk)>.Done>(await _changes.AssignOwnerAsync(Tenant, Pm, risk.Id, Nurse, default));

        var updated = await _changes.UpdateAsync(
            Tenant,
            Nurse,
            risk.Id,
            new RiskUpdate(new RiskRating(4, 4), Guarded.From("Loaner scanners from the vendor"), new DateOnly(2026, 12, 4)),
            default);

        Assert.Equal(RefusalCode.OnlyFor, Assert.IsType<Outcome<(Project, Risk)>.Refused>(refused).Reason.Code);
        Assert.IsType<Outcome<(Project, Risk)>.Done>(updated);
        var stored = await StoredAsync(risk.Id);
        Assert.Equal(
            (new RiskRating(4, 4), RiskStatus.Mitigating, new DateOnly(2026, 12, 4)),
            (stored.Rating, stored.Status, stored.MitigationDue));
    }

    [Theory]
    [InlineData("Loaner scanners from the vendor", null)]
    [InlineData(null, "2026-12-04")]
    public async Task A_mitigation_needs_both_what_will_be_done_and_by_when_and_nothing_is_saved_without(string? mitigation, string? due)
    {
        var risk = await LogAsync();

        var outcome = await _changes.UpdateAsync(
            Tenant,
            Pm,
            risk.Id,
            new RiskUpdate(
                new RiskRating(4, 4),
                Guarded.From(mitigation),
                due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture)),
            default);

        Assert.IsType<Outcome<(Project, Risk)>.Invalid>(outcome);
        Assert.Equal(new RiskRating(3, 3), (await StoredAsync(risk.Id)).Rating);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public async Task A_change_that_loses_a_race_is_applied_again_to_what_was_saved_and_refused_if_it_loses_twice(int losing, bool done)
    {
        var risk = await LogAsync();
        _risks.LosingSaves = losing;

        var outcome = await _changes.UpdateAsync(Tenant, Pm, risk.Id, new RiskUpdate(new RiskRating(2, 2), null, null), default);

        Assert.Equal(done, outcome is Outcome<(Project, Risk)>.Done);
        Assert.Equal(done ? new RiskRating(2, 2) : new RiskRating(3, 3), (await StoredAsync(risk.Id)).Rating);
        Assert.Equal(done ? 2 : 1, _audit.Entries.Count);
    }

    [Fact]
    public async Task A_concern_from_anyone_on_the_project_goes_to_its_pms_and_only_they_triage_it()
    {
        var reported = Assert.IsType<Outcome<(Concern, IReadOnlyList<PersonId>)>.Done>(
            await _concerns.ReportAsync(
                Tenant,
                Nurse,
                "Nina Patel",
                Ehr,
                Guarded.From("Night shift has not had downtime training")!,
                default)).Value;
        var byOutsider = await _concerns.ReportAsync(Tenant, Outsider, "Omar Haddad", Ehr, Guarded.From("Not my project")!, default);

        var readByNurse = await _concerns.GetAsync(Tenant, Nurse, Ehr, 1, default);
        var dismissedByNurse = await _concerns.DismissAsync(Tenant, Nurse, Ehr, 1, Guarded.From("Not mine to dismiss"), default);
        var withoutReason = await _concerns.DismissAsync(Tenant, Pm, Ehr, 1, null, default);
        var dismissed = await _concerns.DismissAsync(Tenant, Pm, Ehr, 1, Guarded.From("Covered by the downtime drill on 12/3"), default);

        Assert.Equal(1, reported.Item1.Number);
        Assert.Equal([Pm], reported.Item2);
        Assert.Equal(RefusalCode.NotOnProject, Assert.IsType<Outcome<(Concern, IReadOnlyList<PersonId>)>.Refused>(byOutsider).Reason.Code);
        Assert.IsType<Outcome<Concern>.Refused>(readByNurse);
        Assert.IsType<Outcome<Concern>.Refused>(dismissedByNurse);
        Assert.IsType<Outcome<Concern>.Invalid>(withoutReason);
        Assert.Equal(ConcernState.Dismissed, Assert.IsType<Outcome<Concern>.Done>(dismissed).Value.State);
        Assert.Equal([(Nurse, RiskAudit.ConcernReported, "concern 1"), (Pm, RiskAudit.ConcernDismissed, "concern 1")], _audit.Logged);
    }

    [Fact]
    public async Task A_risk_from_a_concern_logged_without_a_description_gets_the_reporter_and_their_words_in_the_callers_sentence()
    {
        await _concerns.ReportAsync(Tenant, Nurse, "Nina Patel", Ehr, Guarded.From("Night shift has not had downtime training")!, default);
        await _concerns.ReportAsync(Tenant, Nurse, "Nina Patel", Ehr, Guarded.From("Label printers jam on 4 West")!, default);
        var words = new FromConcern(1, (name, text) => $"Gemeldet von {name}: {text}");

        var logged = Assert.IsType<Outcome<Risk>.Done>(await _register.LogAsync(Tenant, Pm, Ehr, Scanners(), default, words)).Value;
        var described = Assert.IsType<Outcome<Risk>.Done>(await _register.LogAsync(
            Tenant,
            Pm,
            Ehr,
            Scanners() with { Description = Guarded.From("Seen on 4 West only") },
            default,
            words with { Number = 2 })).Value;

        Assert.Equal("Gemeldet von Nina Patel: Night shift has not had downtime training", logged.Description?.Value);
        Assert.Equal("Seen on 4 West only", described.Description?.Value);
        Assert.Equal(ConcernState.LoggedAsRisk, (await _risks.GetConcernAsync(Tenant, Ehr, 1, default))!.Value.Concern.State);
    }

    [Fact]
    public async Task A_concern_triaged_by_someone_else_at_the_same_moment_is_not_triaged_twice()
    {
        await _concerns.ReportAsync(Tenant, Nurse, "Nina Patel", Ehr, Guarded.From("Night shift has not had downtime training")!, default);
        _risks.LosingSaves = 1;

        var outcome = await _concerns.DismissAsync(Tenant, Pm, Ehr, 1, Guarded.From("Covered by the downtime drill"), default);

        Assert.IsType<Outcome<Concern>.Invalid>(outcome);
        Assert.Equal(ConcernState.Reported, (await _risks.GetConcernAsync(Tenant, Ehr, 1, default))!.Value.Concern.State);
        Assert.DoesNotContain(_audit.Logged, e => e.Kind == RiskAudit.ConcernDismissed);
    }
}
