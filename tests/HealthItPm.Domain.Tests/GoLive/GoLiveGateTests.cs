using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Tests.Projects;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.GoLive;

public class GoLiveGateTests
{
    private static readonly DateOnly Today = ProjectBuilder.Today;
    private static readonly PersonId Pm = ProjectBuilder.Pm;
    private static readonly PersonId Nurse = ProjectBuilder.Nurse;

    private static GateFacts Facts(Project project, DateOnly today) => new(project, today, [], null, null);

    [Theory]
    [InlineData(ProjectKind.Ehr, "LabRoundTrip")]
    [InlineData(ProjectKind.Telemedicine, "VideoVisitTested")]
    [InlineData(ProjectKind.PacsRis, "PriorImagesMigrated")]
    [InlineData(ProjectKind.EPrescribing, "ERxControlled")]
    [InlineData(ProjectKind.PatientPortal, "IdentityProofing")]
    public void Each_kind_has_its_own_criteria_beside_the_shared_ones_each_once(ProjectKind kind, string own)
    {
        var template = GateTemplates.For(kind);

        Assert.Contains(template, t => t.Key == own);
        Assert.Contains(template, t => t.Key == "DowntimeTested");
        Assert.Contains(template, t => t.Measure == Measure.ReadinessWithoutBarrier);
        Assert.Equal(template.Count, template.Select(t => t.Key).Distinct().Count());
    }

    [Fact]
    public void A_gate_from_the_template_is_owned_by_the_pm_with_default_thresholds_and_checkpoints()
    {
        var gate = GoLiveGate.FromTemplate(new ProjectBuilder().Build(), Today.AddDays(45), Pm, Today);

        Assert.Equal(GateTemplates.For(ProjectKind.Ehr).Count, gate.Criteria.Count);
        Assert.All(gate.Criteria, c => Assert.Equal(Pm, c.Owner));
        Assert.Equal(0.80m, gate.Criteria.Single(c => c.Measure == Measure.ReadinessWithoutBarrier).Threshold);
        Assert.Equal([90, 60, 30, 7], gate.CheckpointDays);
        Assert.Equal(Enumerable.Range(1, gate.Criteria.Count), gate.Criteria.Select(c => c.Number));
    }

    [Fact]
    public void Owners_must_be_on_the_project_and_the_date_not_past()
    {
        var project = new ProjectBuilder().Build();

        var past = Assert.Throws<DomainException>(() => GoLiveGate.FromTemplate(project, Today.AddDays(-1), Pm, Today));
        var outsider = Assert.Throws<DomainException>(() => GoLiveGate.FromTemplate(project, Today, ProjectBuilder.Outsider, Today));

        Assert.Equal(GoLiveProblem.GateDateInPast, past.Problem.Code);
        Assert.Equal(GoLiveProblem.OwnerNotOnGateProject, outsider.Problem.Code);
    }

    [Fact]
    public void The_pm_adds_edits_and_removes_criteria_and_numbers_are_not_reused()
    {
        var project = new ProjectBuilder().Build();
        var gate = GoLiveGate.FromTemplate(project, Today.AddDays(45), Pm, Today);
        var count = gate.Criteria.Count;

        var added = gate.Add(project, new CriterionDraft(
            GateGroup.Outcomes,
            Guarded.From("No-show rate at target"),
            Importance.Should,
            Nurse,
            Measure.KpiAtOrPast,
            12,
            Guarded.From("No-show rate")));
        gate.Remove(added.Number);
        var again = gate.Add(
            project, new CriterionDraft(GateGroup.Downtime, Guarded.From("Paper forms stocked"), Importance.Must, Nurse, null, null, null));
        var edited = gate.Edit(project, 2, new CriterionEdit(null, Importance.Should, Nurse, null, null, 7));

        Assert.Equal(count + 2, again.Number);
        Assert.Equal(count + 1, gate.Criteria.Count);
        Assert.Equal((Importance.Should, Nurse, 7), (edited.Importance, edited.Owner, edited.StaleAfterDays));
        Assert.Equal(GoLiveProblem.SubjectRequired, Assert.Throws<DomainException>(() => gate.Add(project, new CriterionDraft(
            GateGroup.Outcomes, Guarded.From("KPI"), Importance.Should, Nurse, Measure.KpiAtOrPast, 12, null))).Problem.Code);
        Assert.Equal(GoLiveProblem.ThresholdOutOfRange, Assert.Throws<DomainException>(() => gate.Edit(
            project,
            gate.Criteria.Single(c => c.Measure == Measure.ReadinessWithoutBarrier).Number,
            new CriterionEdit(null, Importance.Must, Pm, 1.5m, null, 14))).Problem.Code);
    }

    [Fact]
    public void Only_the_owner_attests_and_only_an_attested_criterion()
    {
        var project = new ProjectBuilder().Build();
        var gate = GoLiveGate.FromTemplate(project, Today.AddDays(45), Pm, Today);
        var attested = gate.Criteria.First(c => !c.IsComputed);
        var computed = gate.Criteria.First(c => c.IsComputed);
        var evidence = Guarded.From("Build signed off at the 11/20 review")!;

        var notOwner = Assert.Throws<DomainException>(() => gate.Attest(attested.Number, Nurse, AttestedState.Met, evidence, Today));
        var onComputed = Assert.Throws<DomainException>(() => gate.Attest(computed.Number, Pm, AttestedState.Met, evidence, Today));
        var done = gate.Attest(attested.Number, Pm, AttestedState.AtRisk, evidence, Today);

        Assert.Equal(GoLiveProblem.NotCriterionOwner, notOwner.Problem.Code);
        Assert.Equal(GoLiveProblem.CriterionIsComputed, onComputed.Problem.Code);
        Assert.Equal(new Attestation(AttestedState.AtRisk, evidence, Today, Pm), done.Attestation);
    }

    [Fact]
    public void Set_45_days_out_the_checkpoints_due_are_30_and_7_days_before_each_kept_once()
    {
        var project = new ProjectBuilder().Build();
        var gate = GoLiveGate.FromTemplate(project, Today.AddDays(45), Pm, Today);

        // 90 and 60 days before fell before the gate was set: never due.
        Assert.Null(gate.DueCheckpoint(Today));
        Assert.Null(gate.DueCheckpoint(Today.AddDays(14)));
        Assert.Equal(30, gate.DueCheckpoint(Today.AddDays(15)));
        gate.Keep(30, Scorecard.Of(gate, Facts(project, Today.AddDays(15))), Today.AddDays(15));
        Assert.Null(gate.DueCheckpoint(Today.AddDays(16)));
        Assert.Equal(7, gate.DueCheckpoint(Today.AddDays(40)));
        gate.Keep(7, Scorecard.Of(gate, Facts(project, Today.AddDays(40))), Today.AddDays(40));

        Assert.Null(gate.DueCheckpoint(Today.AddDays(44)));
        Assert.Equal([30, 7], gate.Checkpoints.Select(c => c.DaysBefore));
        Assert.Null(gate.DueCheckpoint(Today.AddDays(46)));
    }

    [Fact]
    public void A_missed_checkpoint_is_passed_over_for_the_latest_due()
    {
        var project = new ProjectBuilder().Build();
        var gate = GoLiveGate.FromTemplate(project, Today.AddDays(45), Pm, Today);

        // The 30-day checkpoint was never kept (no host ran); on the 7-day one's date only that one is due.
        Assert.Equal(7, gate.DueCheckpoint(Today.AddDays(38)));
    }

    [Fact]
    public void A_checkpoint_keeps_each_state_and_the_owners_of_unmet_criteria_and_the_trend_shows_it()
    {
        var project = new ProjectBuilder().Build();
        var gate = GoLiveGate.FromTemplate(project, Today.AddDays(45), Pm, Today);
        gate.Edit(project, 1, new CriterionEdit(null, Importance.Must, Nurse, null, null, 14));
        var on = Today.AddDays(15);

        var kept = gate.Keep(30, Scorecard.Of(gate, Facts(project, on)), on);
        var later = Scorecard.Of(gate, Facts(project, on.AddDays(1)));

        // No wave, no check-in, no attestation, no milestones: only "no critical risk" and "patient safety handled" are met.
        Assert.Equal(2, kept.Met);
        Assert.Equal(Recommendation.NoGo, kept.Recommendation);
        Assert.Equal([Nurse, Pm], kept.Remind);
        Assert.Equal([kept], later.Trend);
    }
}
