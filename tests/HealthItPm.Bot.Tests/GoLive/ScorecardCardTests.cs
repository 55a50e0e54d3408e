using HealthItPm.Bot.Features.GoLive;
using HealthItPm.Bot.Tests.CardChecks;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using HealthItPm.Testing;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.GoLive;

/// <summary>How the scorecard words its criteria for a PM: counts in the singular or plural, a threshold not yet reached.</summary>
public class ScorecardCardTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly Project Project = CardFixtures.Project();

    [Fact]
    public void A_count_of_one_reads_in_the_singular_and_other_counts_in_the_plural()
    {
        using var _ = new InCulture("en-US");

        var text = CardText.Of(Build(
            Result(Computed(1, Measure.OpenCriticalRisks, 0m), CriterionState.NotMet, 1m),
            Result(Computed(2, Measure.PatientSafetyRisksUnhandled, null), CriterionState.NotMet, 1m),
            Result(Computed(3, Measure.TrainingRequestsOpen, 0m), CriterionState.NotMet, 1m),
            Result(Computed(4, Measure.MilestonesDone, null), CriterionState.Met, 1m) with { OutOf = 1 },
            Result(Computed(5, Measure.OpenCriticalRisks, 1m), CriterionState.NotMet, 2m),
            Result(Computed(6, Measure.MilestonesDone, null), CriterionState.NotMet, 1m) with { OutOf = 3 }));

        Assert.Contains("1 open critical risk (at most 0)", text, StringComparison.Ordinal);
        Assert.Contains("1 patient-safety risk not acknowledged or not mitigated", text, StringComparison.Ordinal);
        Assert.Contains("1 open training request (at most 0)", text, StringComparison.Ordinal);
        Assert.Contains("1 of 1 milestone done", text, StringComparison.Ordinal);
        Assert.Contains("2 open critical risks (at most 1)", text, StringComparison.Ordinal);
        Assert.Contains("1 of 3 milestones done", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1 open critical risks", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checkpoint_one_day_before_reads_in_the_singular()
    {
        using var _ = new InCulture("en-US");
        var kept = new Checkpoint(1, Today, Recommendation.NoGo, [new KeptCriterion(1, CriterionState.NotMet)], []);

        var text = CardText.Of(Build([kept], Result(Computed(1, Measure.OpenCriticalRisks, 0m), CriterionState.NotMet, 1m)));

        Assert.Contains("1 day before (", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1 days before", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_computed_criterion_not_known_yet_still_shows_the_threshold_it_needs()
    {
        using var _ = new InCulture("en-US");

        var text = CardText.Of(Build(
            new CriterionResult(Computed(1, Measure.ReadinessWithoutBarrier, 0.85m), CriterionState.Unknown, Why: UnknownWhy.NoClosedWave),
            new CriterionResult(Computed(2, Measure.CheckInBlockedShare, 0.05m), CriterionState.Unknown, Why: UnknownWhy.NoClosedCheckIn),
            new CriterionResult(Computed(3, Measure.TrainingRequestsOpen, 1m), CriterionState.Unknown, Why: UnknownWhy.NoClosedCheckIn),
            new CriterionResult(
                Computed(4, Measure.KpiAtOrPast, 12m, "No-show rate"), CriterionState.Unknown, Why: UnknownWhy.NoMeasurement)));

        Assert.Contains("no readiness wave has closed with figures · needs ≥ 85% without a barrier", text, StringComparison.Ordinal);
        Assert.Contains("no check-in has closed with figures · needs ≤ 5% blocked", text, StringComparison.Ordinal);
        Assert.Contains("needs at most 1 open training request", text, StringComparison.Ordinal);
        Assert.Contains("the KPI has no measurement yet · needs No-show rate to reach 12", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_threshold_of_none_reads_as_none_not_as_at_most_zero()
    {
        using var _ = new InCulture("en-US");

        var text = CardText.Of(Build(
            new CriterionResult(Computed(1, Measure.TrainingRequestsOpen, 0m), CriterionState.Unknown, Why: UnknownWhy.NoClosedCheckIn)));

        Assert.Contains("no check-in has closed with figures · needs no open training request", text, StringComparison.Ordinal);
        Assert.DoesNotContain("at most 0", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pms_buttons_name_the_project_so_they_act_on_it_whatever_the_chat_moved_on_to()
    {
        var card = Build(Result(Computed(1, Measure.OpenCriticalRisks, 0m), CriterionState.Met, 0m));

        var commands = card["actions"]!.Select(a => (string?)a["data"]?["command"]).ToList();

        Assert.Equal(
            [$"golive add {Project.Code.Value}", $"golive edit {Project.Code.Value}", $"golive {Project.Code.Value}", $"golive vote {Project.Code.Value}"],
            commands);
    }

    private static JObject Build(params CriterionResult[] results) => Build([], results);

    private static JObject Build(IReadOnlyList<Checkpoint> trend, params CriterionResult[] results) =>
        ScorecardCard.Build(new ScorecardModel(
            Project,
            new Scorecard(Project.Code, Today.AddDays(30), 30, results, [], Scorecard.Recommend(results), [], [], trend),
            CanManage: true));

    private static CriterionResult Result(GateCriterion criterion, CriterionState state, decimal figure) =>
        new(criterion, state, figure);

    private static GateCriterion Computed(int number, Measure measure, decimal? threshold, string? subject = null) => new(
        number,
        GateGroup.Risks,
        null,
        Guarded.From("Criterion " + number),
        Importance.Must,
        Project.ProjectManagers.First().Person,
        measure,
        threshold,
        Guarded.From(subject),
        GateCriterion.DefaultStaleAfterDays,
        null);
}
