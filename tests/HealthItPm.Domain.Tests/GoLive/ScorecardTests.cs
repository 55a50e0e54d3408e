using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Tests.Projects;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.GoLive;

/// <summary>Every computed criterion and the recommendation rule, each against a figure worked out by hand.</summary>
public class ScorecardTests
{
    private static readonly DateOnly Today = ProjectBuilder.Today;
    private static readonly PersonId Pm = ProjectBuilder.Pm;
    private static readonly PersonId Nurse = ProjectBuilder.Nurse;
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);

    private static GoLiveGate Gate(Project project) => GoLiveGate.FromTemplate(project, Today.AddDays(45), Pm, Today);

    private static GateCriterion Criterion(Measure? measure, decimal? threshold = null, string? subject = null, int stale = 14) =>
        new(
            1, GateGroup.Readiness, null, Guarded.From("Criterion"), Importance.Must, Pm, measure, threshold, Guarded.From(subject), stale, null);

    private static GateFacts Facts(
        Project? project = null, IReadOnlyList<Risk>? risks = null, GateReadiness? readiness = null, GateCheckIn? checkIn = null) =>
        new(project ?? new ProjectBuilder().Build(), Today, risks ?? [], readiness, checkIn);

    private static CriterionResult Judge(GateCriterion criterion, GateFacts facts) =>
        Scorecard.Judge(criterion, Gate(facts.Project), facts);

    private static Risk Risk(int number, RiskCategory category, int probability, int impact, string? mitigation = null) =>
        Domain.Risks.Risk.Log(
            new RiskId(new ProjectCode("EHR"), number),
            Guarded.From($"Risk {number}"),
            null,
            category,
            new RiskRating(probability, impact),
            Pm,
            Guarded.From(mitigation),
            mitigation is null ? null : Today.AddDays(10),
            Pm,
            Now);

    [Fact]
    public void Readiness_is_met_when_the_share_and_every_shown_department_reach_the_threshold()
    {
        // 8 of 10 without a barrier: 0.8; ICU 4 of 5 = 0.8, ED 4 of 5 = 0.8.
        var readiness = new GateReadiness("Pre go-live", 10, 8, [new("ICU", 5, 4), new("ED", 5, 4)]);

        var result = Judge(Criterion(Measure.ReadinessWithoutBarrier, 0.80m), Facts(readiness: readiness));

        Assert.Equal((CriterionState.Met, 0.8m), (result.State, result.Figure));
        Assert.Empty(result.Below!);
    }

    [Fact]
    public void Readiness_is_not_met_when_one_department_is_below_though_the_overall_share_is_above()
    {
        // 15 of 20 overall = 0.75 ≥ 0.70; ICU 9 of 10 = 0.9, ED 6 of 10 = 0.6 < 0.70.
        var readiness = new GateReadiness("Pre go-live", 20, 15, [new("ICU", 10, 9), new("ED", 10, 6)]);

        var result = Judge(Criterion(Measure.ReadinessWithoutBarrier, 0.70m), Facts(readiness: readiness));

        Assert.Equal((CriterionState.NotMet, 0.75m), (result.State, result.Figure));
        Assert.Equal([new DepartmentBelow("ED", 0.6m)], result.Below!);
    }

    [Fact]
    public void Readiness_without_a_closed_wave_is_unknown_never_met()
    {
        var result = Judge(Criterion(Measure.ReadinessWithoutBarrier, 0m), Facts());

        Assert.Equal((CriterionState.Unknown, UnknownWhy.NoClosedWave), (result.State, result.Why));
    }

    [Fact]
    public void Open_critical_risks_are_counted_against_the_threshold_and_closed_ones_are_not()
    {
        // Open: 3×5 = 15 critical, 4×4 = 16 critical, 2×5 = 10 high; a closed 5×5 is not counted: 2 critical.
        var closed = Risk(4, RiskCategory.TechnicalIntegration, 5, 5);
        closed.Close(Pm, Now);
        var risks = new[]
        {
            Risk(1, RiskCategory.Schedule, 3, 5), Risk(2, RiskCategory.Vendor, 4, 4), Risk(3, RiskCategory.Budget, 2, 5), closed,
        };

        var none = Judge(Criterion(Measure.OpenCriticalRisks, 0m), Facts(risks: risks));
        var two = Judge(Criterion(Measure.OpenCriticalRisks, 2m), Facts(risks: risks));

        Assert.Equal((CriterionState.NotMet, 2m), (none.State, none.Figure));
        Assert.Equal((CriterionState.Met, 2m), (two.State, two.Figure));
    }

    [Fact]
    public void A_patient_safety_risk_counts_until_a_leader_acknowledged_it_and_it_has_a_mitigation()
    {
        var acknowledgedMitigated = Risk(1, RiskCategory.PatientSafety, 3, 5, "Double-check orders on paper");
        acknowledgedMitigated.Escalate(1, new EscalationReason.CriticalRisk(), Now);
        acknowledgedMitigated.Acknowledge(ProjectBuilder.Cio, Now);
        var mitigatedOnly = Risk(2, RiskCategory.PatientSafety, 2, 4, "Pharmacist verifies doses");
        var acknowledgedOnly = Risk(3, RiskCategory.PatientSafety, 3, 5);
        acknowledgedOnly.Escalate(1, new EscalationReason.CriticalRisk(), Now);
        acknowledgedOnly.Acknowledge(ProjectBuilder.Cio, Now);
        var otherCategory = Risk(4, RiskCategory.Schedule, 1, 1);

        var all = Judge(
            Criterion(Measure.PatientSafetyRisksUnhandled),
            Facts(risks: [acknowledgedMitigated, mitigatedOnly, acknowledgedOnly, otherCategory]));
        var handled = Judge(Criterion(Measure.PatientSafetyRisksUnhandled), Facts(risks: [acknowledgedMitigated, otherCategory]));

        Assert.Equal((CriterionState.NotMet, 2m), (all.State, all.Figure));
        Assert.Equal((CriterionState.Met, 0m), (handled.State, handled.Figure));
    }

    [Theory]
    [InlineData(2, CriterionState.Met)]
    [InlineData(3, CriterionState.NotMet)]
    public void The_blocked_share_of_the_latest_closed_check_in_is_at_most_the_threshold(int blocked, CriterionState state)
    {
        // 2 of 20 = 0.10 ≤ 0.10; 3 of 20 = 0.15 > 0.10.
        var result = Judge(Criterion(Measure.CheckInBlockedShare, 0.10m), Facts(checkIn: new GateCheckIn("r1", 20, blocked, 0)));

        Assert.Equal((state, blocked / 20m), (result.State, result.Figure));
    }

    [Fact]
    public void Check_in_criteria_without_a_closed_round_or_any_answer_are_unknown()
    {
        var none = Judge(Criterion(Measure.CheckInBlockedShare, 0.1m), Facts());
        var silent = Judge(Criterion(Measure.TrainingRequestsOpen, 0m), Facts(checkIn: new GateCheckIn("r1", 0, 0, 0)));

        Assert.Equal((CriterionState.Unknown, UnknownWhy.NoClosedCheckIn), (none.State, none.Why));
        Assert.Equal((CriterionState.Unknown, UnknownWhy.NoAnswers), (silent.State, silent.Why));
    }

    [Theory]
    [InlineData(0, 0, CriterionState.Met)]
    [InlineData(1, 0, CriterionState.NotMet)]
    [InlineData(3, 3, CriterionState.Met)]
    public void Open_training_requests_are_at_most_the_threshold(int requests, int threshold, CriterionState state)
    {
        var result = Judge(Criterion(Measure.TrainingRequestsOpen, threshold), Facts(checkIn: new GateCheckIn("r1", 12, 0, requests)));

        Assert.Equal((state, (decimal)requests), (result.State, result.Figure));
    }

    [Fact]
    public void Named_milestones_must_all_be_done_and_a_name_not_on_the_plan_is_unknown()
    {
        var project = new ProjectBuilder()
            .WithMilestone("Integrated testing", Today.AddDays(-10), 1, done: Today.AddDays(-2))
            .WithMilestone("End-user training", Today.AddDays(20), 1)
            .WithMilestone("Cutover", Today.AddDays(50), 1)
            .Build();

        var testing = Judge(Criterion(Measure.MilestonesDone, subject: "integrated testing"), Facts(project));
        var both = Judge(Criterion(Measure.MilestonesDone, subject: "Integrated testing; End-user training"), Facts(project));
        var byDate = Judge(Criterion(Measure.MilestonesDone), Facts(project));
        var missing = Judge(Criterion(Measure.MilestonesDone, subject: "Dress rehearsal"), Facts(project));

        Assert.Equal((CriterionState.Met, 1m, 1), (testing.State, testing.Figure, testing.OutOf!.Value));
        Assert.Equal((CriterionState.NotMet, 1m, 2), (both.State, both.Figure, both.OutOf!.Value));

        // None named: the milestones planned by the gate's date (45 days out): testing and training, not cutover.
        Assert.Equal((CriterionState.NotMet, 1m, 2), (byDate.State, byDate.Figure, byDate.OutOf!.Value));
        Assert.Equal((CriterionState.Unknown, UnknownWhy.NoSuchMilestone), (missing.State, missing.Why));
    }

    [Fact]
    public void A_kpi_is_met_at_or_past_its_value_in_its_direction_and_unknown_before_a_measurement()
    {
        var project = new ProjectBuilder().Build();
        project.AddKpi(new Kpi(Guarded.From("No-show rate"), Guarded.From("%"), 18, 10, KpiDirection.LowerIsBetter));
        var unmeasured = Judge(Criterion(Measure.KpiAtOrPast, 12, "No-show rate"), Facts(project));
        project.RecordKpi("No-show rate", new KpiMeasurement(Today, 12), Today);

        var atValue = Judge(Criterion(Measure.KpiAtOrPast, 12, "No-show rate"), Facts(project));
        var short_ = Judge(Criterion(Measure.KpiAtOrPast, 11.5m, "No-show rate"), Facts(project));
        var none = Judge(Criterion(Measure.KpiAtOrPast, 12, "Portal adoption"), Facts(project));

        Assert.Equal((CriterionState.Unknown, UnknownWhy.NoMeasurement), (unmeasured.State, unmeasured.Why));
        Assert.Equal((CriterionState.Met, 12m), (atValue.State, atValue.Figure));
        Assert.Equal(CriterionState.NotMet, short_.State);
        Assert.Equal((CriterionState.Unknown, UnknownWhy.NoSuchKpi), (none.State, none.Why));
    }

    [Theory]
    [InlineData(AttestedState.Met, 0, CriterionState.Met)]
    [InlineData(AttestedState.Met, 14, CriterionState.Met)]
    [InlineData(AttestedState.Met, 15, CriterionState.Unknown)]
    [InlineData(AttestedState.AtRisk, 3, CriterionState.AtRisk)]
    [InlineData(AttestedState.NotMet, 3, CriterionState.NotMet)]
    public void An_attestation_counts_for_its_days_then_goes_stale_and_unknown(AttestedState attested, int daysAgo, CriterionState state)
    {
        var criterion = Criterion(null, stale: 14) with
        {
            Attestation = new Attestation(attested, Guarded.From("Signed off at the build review")!, Today.AddDays(-daysAgo), Pm),
        };

        var result = Judge(criterion, Facts());

        Assert.Equal(state, result.State);
        Assert.Equal(state == CriterionState.Unknown ? UnknownWhy.Stale : null, result.Why);
    }

    [Fact]
    public void The_rule_no_go_on_any_must_not_met_or_unknown_go_with_conditions_on_shoulds_only_else_go()
    {
        static CriterionResult R(Importance importance, CriterionState state) =>
            new(Criterion(null) with { Importance = importance }, state);

        Assert.Equal(
            Recommendation.Go, Scorecard.Recommend([R(Importance.Must, CriterionState.Met), R(Importance.Should, CriterionState.Met)]));
        Assert.Equal(
            Recommendation.GoWithConditions,
            Scorecard.Recommend([R(Importance.Must, CriterionState.Met), R(Importance.Should, CriterionState.AtRisk)]));
        Assert.Equal(
            Recommendation.GoWithConditions,
            Scorecard.Recommend([R(Importance.Must, CriterionState.Met), R(Importance.Should, CriterionState.Unknown)]));
        Assert.Equal(
            Recommendation.NoGo, Scorecard.Recommend([R(Importance.Must, CriterionState.Unknown), R(Importance.Should, CriterionState.Met)]));
        Assert.Equal(Recommendation.NoGo, Scorecard.Recommend([R(Importance.Must, CriterionState.AtRisk)]));
        Assert.Equal(Recommendation.Go, Scorecard.Recommend([]));
    }

    [Fact]
    public void The_scorecard_lists_the_conditions_the_blockers_the_critical_items_and_days_to_go()
    {
        var project = new ProjectBuilder().Build();
        var gate = GoLiveGate.Restore(new GateState(
            project.Code,
            Today.AddDays(45),
            Today,
            GoLiveGate.DefaultCheckpointDays,
            [
                Criterion(Measure.OpenCriticalRisks, 0) with { Number = 1 },
                Criterion(Measure.CheckInBlockedShare, 0.1m) with { Number = 2, Importance = Importance.Should },
                Criterion(Measure.TrainingRequestsOpen, 0) with { Number = 3, Importance = Importance.Should },
            ],
            [],
            3));
        var unhandled = Risk(1, RiskCategory.PatientSafety, 2, 2);
        var checkIn = new GateCheckIn("r1", 10, 1, 2);

        var met = Scorecard.Of(gate, Facts(project, [unhandled], checkIn: checkIn));
        var critical = Risk(2, RiskCategory.TechnicalIntegration, 5, 4);
        var blocked = Scorecard.Of(gate, Facts(project, [unhandled, critical], checkIn: checkIn));

        // 1 of 10 blocked = 0.1 ≤ 0.1: met; 2 training requests > 0: a condition; no critical risk: the must is met.
        Assert.Equal((45, Recommendation.GoWithConditions), (met.DaysToGo, met.Recommendation));
        Assert.Equal([3], met.Conditions.Select(c => c.Criterion.Number));
        Assert.Equal([unhandled.Id], met.CriticalItems.Select(i => i.Risk));
        Assert.Equal(Recommendation.NoGo, blocked.Recommendation);
        Assert.Equal([1], blocked.Blockers.Select(c => c.Criterion.Number));
        Assert.Equal([critical.Id, unhandled.Id], blocked.CriticalItems.Select(i => i.Risk));
        Assert.Equal([Pm], blocked.OwnersToRemind);
    }
}
