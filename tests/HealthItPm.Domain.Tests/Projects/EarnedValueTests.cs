using HealthItPm.Domain.Projects;
using static HealthItPm.Domain.Tests.Projects.ProjectBuilder;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.Projects;

public class EarnedValueTests
{
    [Fact]
    public void An_ehr_go_live_matches_the_hand_computation()
    {
        // BAC 1,200,000; weights 10+20+30+40 = 100.
        // Planned by today: kickoff (10), build (20), testing (30) -> PV = 1,200,000 x 60/100 = 720,000.
        // Done by today: kickoff, build -> EV = 1,200,000 x 30/100 = 360,000.
        // Spend by today: 300,000 + 150,000 = 450,000 (the future entry is not counted).
        // SPI = 360,000 / 720,000 = 0.50; CPI = 360,000 / 450,000 = 0.80; EAC = 1,200,000 / 0.80 = 1,500,000.
        var milestones = new[]
        {
            new Milestone(Guarded.From("Kickoff"), Today.AddDays(-100), 10, Today.AddDays(-99)),
            new Milestone(Guarded.From("Build complete"), Today.AddDays(-40), 20, Today.AddDays(-35)),
            new Milestone(Guarded.From("Integrated testing"), Today.AddDays(-5), 30),
            new Milestone(Guarded.From("Go-live"), Today.AddDays(60), 40),
        };
        var spend = new[] { new SpendEntry(
            300_000,
            Today.AddDays(-90),
            null), new SpendEntry(150_000, Today.AddDays(-10), null), new SpendEntry(99_000, Today.AddDays(1), null) };

        var ev = EarnedValue.Compute(1_200_000, milestones, spend, Today);

        Assert.Equal(720_000m, ev.PlannedValue);
        Assert.Equal(360_000m, ev.EarnedValueAmount);
        Assert.Equal(450_000m, ev.ActualCost);
        Assert.Equal(0.5m, ev.Spi.Value);
        Assert.Equal(0.8m, ev.Cpi.Value);
        Assert.Equal(1_500_000m, ev.EstimateAtCompletion.Value);
    }

    [Fact]
    public void Before_anything_is_planned_spi_is_undefined_with_a_reason()
    {
        var ev = EarnedValue.Compute(100, [new Milestone(Guarded.From("Go-live"), Today.AddDays(10), 1)], [], Today);

        Assert.False(ev.Spi.IsDefined);
        Assert.Equal(RatioUndefined.NothingPlanned, ev.Spi.UndefinedBecause);
        Assert.Equal("n/a", ev.Spi.ToString());
    }

    [Fact]
    public void Without_milestones_spi_is_undefined()
    {
        var ev = EarnedValue.Compute(100, [], [new SpendEntry(10, Today, null)], Today);

        Assert.Equal(RatioUndefined.NoMilestones, ev.Spi.UndefinedBecause);
        Assert.Equal(0m, ev.PlannedValue);
    }

    [Fact]
    public void Before_any_spend_cpi_and_eac_are_undefined()
    {
        var ev = EarnedValue.Compute(100, [new Milestone(Guarded.From("Kickoff"), Today, 1, Today)], [], Today);

        Assert.Equal(RatioUndefined.NoSpend, ev.Cpi.UndefinedBecause);
        Assert.Equal(RatioUndefined.NoSpend, ev.EstimateAtCompletion.UndefinedBecause);
        Assert.Equal(1m, ev.Spi.Value);
    }

    [Fact]
    public void Without_a_budget_cpi_is_undefined_rather_than_zero()
    {
        var ev = EarnedValue.Compute(0, [new Milestone(Guarded.From("Kickoff"), Today, 1, Today)], [new SpendEntry(5, Today, null)], Today);

        Assert.Equal(RatioUndefined.NoBudget, ev.Cpi.UndefinedBecause);
    }

    [Fact]
    public void Spend_with_nothing_earned_gives_cpi_zero_and_no_eac()
    {
        var ev = EarnedValue.Compute(100, [new Milestone(Guarded.From("Kickoff"), Today, 1)], [new SpendEntry(5, Today, null)], Today);

        Assert.Equal(0m, ev.Cpi.Value);
        Assert.Equal(RatioUndefined.NothingEarned, ev.EstimateAtCompletion.UndefinedBecause);
    }

    [Fact]
    public void Work_done_ahead_of_plan_gives_spi_above_one()
    {
        var ev = EarnedValue.Compute(
            100,
            [
                new Milestone(Guarded.From("A"), Today.AddDays(-1), 1, Today.AddDays(-2)),
                new Milestone(Guarded.From("B"), Today.AddDays(5), 1, Today)],
            [new SpendEntry(100, Today, null)],
            Today);

        Assert.Equal(2m, ev.Spi.Value);
        Assert.Equal(1m, ev.Cpi.Value);
        Assert.Equal(100m, ev.EstimateAtCompletion.Value);
    }

    [Fact]
    public void A_milestone_done_after_the_day_asked_about_is_not_earned_yet()
    {
        var ev = EarnedValue.Compute(100, [new Milestone(Guarded.From("A"), Today.AddDays(-10), 1, Today)], [], Today.AddDays(-1));

        Assert.Equal(0m, ev.EarnedValueAmount);
        Assert.Equal(100m, ev.PlannedValue);
    }

    [Fact]
    public void With_percent_complete_an_open_milestone_earns_its_share_done()
    {
        // BAC 1,000,000; weights 25 + 75. "Build" (25) was due yesterday, 80% done; "Go-live" (75) later, 10% done.
        // PV = 250,000. 0/100: EV 0, SPI 0.00. Percent complete: EV = 1,000,000 x (25 x 0.8 + 75 x 0.1) / 100 = 275,000; SPI = 1.10.
        var zeroHundred = new[] { new Milestone(Guarded.From("Build"), Today.AddDays(-1), 25), new Milestone(
            Guarded.From("Go-live"),
            Today.AddDays(60),
            75) };
        var percent = new[] { new Milestone(Guarded.From("Build"), Today.AddDays(-1), 25, percentComplete: 80), new Milestone(
            Guarded.From("Go-live"),
            Today.AddDays(60),
            75,
            percentComplete: 10) };

        var before = EarnedValue.Compute(1_000_000, zeroHundred, [], Today);
        var after = EarnedValue.Compute(1_000_000, percent, [], Today);

        Assert.Equal((0m, EarnedValueMethod.ZeroHundred), (before.EarnedValueAmount, before.Method));
        Assert.Equal(275_000m, after.EarnedValueAmount);
        Assert.Equal(1.1m, after.Spi.Value);
        Assert.Equal(EarnedValueMethod.PercentComplete, after.Method);
    }

    [Fact]
    public void The_pm_records_progress_on_an_open_milestone_only_below_100()
    {
        var project = new ProjectBuilder()
            .WithMilestone("Build", Today.AddDays(-1), 25)
            .WithMilestone("Kickoff", Today.AddDays(-50), 5, Today.AddDays(-50))
            .Build();

        project.RecordProgress("build", 40);

        Assert.Equal(40, project.Milestones.Single(m => m.Name == "Build").PercentComplete);
        Assert.Throws<HealthItPm.Domain.Common.DomainException>(() => project.RecordProgress("Build", 100));
        Assert.Throws<HealthItPm.Domain.Common.DomainException>(() => project.RecordProgress("Kickoff", 50));
        Assert.Null(project.Milestones.Single(m => m.Name == "Build").MarkDone(Today).PercentComplete);
    }
}
