using HealthItPm.Domain.Projects;
using static HealthItPm.Domain.Tests.Projects.ProjectBuilder;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.Projects;

public class RagRulesTests
{
    private static RagStatus Evaluate(decimal? spi, decimal? cpi, params Milestone[] milestones)
    {
        // Build an EarnedValue with the given indices: PV 100, EV = spi x 100, AC = EV / cpi.
        var ev = new EarnedValue(
            1000,
            100,
            spi ?? 0,
            0,
            spi is { } s ? Ratio.Of(s, 1, RatioUndefined.NothingPlanned) : Ratio.Undefined(RatioUndefined.NothingPlanned),
            cpi is { } c ? Ratio.Of(c, 1, RatioUndefined.NoSpend) : Ratio.Undefined(RatioUndefined.NoSpend),
            Ratio.Undefined(RatioUndefined.NoSpend));
        return RagRules.Evaluate(new ProjectHealthInput(ev, milestones, Today));
    }

    [Theory]
    [InlineData(1.00, Rag.Green)]
    [InlineData(0.90, Rag.Green)]
    [InlineData(0.8999, Rag.Amber)]
    [InlineData(0.80, Rag.Amber)]
    [InlineData(0.7999, Rag.Red)]
    [InlineData(0.10, Rag.Red)]
    public void Spi_thresholds(double spi, Rag expected)
    {
        var status = Evaluate((decimal)spi, 1m);

        Assert.Equal(expected, status.Status);
        if (expected != Rag.Green)
        {
            Assert.Equal(PerformanceIndex.Spi, Assert.IsType<RagReason.IndexBelow>(Assert.Single(status.Findings).Reason).Index);
        }
    }

    [Theory]
    [InlineData(0.90, Rag.Green)]
    [InlineData(0.85, Rag.Amber)]
    [InlineData(0.79, Rag.Red)]
    public void Cpi_thresholds(double cpi, Rag expected) =>
        Assert.Equal(expected, Evaluate(1m, (decimal)cpi).Status);

    [Fact]
    public void Undefined_indices_find_nothing() =>
        Assert.Empty(Evaluate(null, null).Findings);

    [Fact]
    public void A_new_project_with_no_schedule_or_cost_signal_has_not_enough_data_rather_than_green()
    {
        var status = new ProjectBuilder().WithMilestone("Go-live", Today.AddDays(60), 10).Build().Health(Today);

        Assert.False(status.EnoughData);
    }

    [Theory]
    [InlineData(1.0, null)]
    [InlineData(null, 1.0)]
    public void One_computable_index_is_enough_to_judge(double? spi, double? cpi) =>
        Assert.True(Evaluate((decimal?)spi, (decimal?)cpi).EnoughData);

    [Fact]
    public void An_open_critical_risk_makes_a_project_without_figures_red()
    {
        var ev = EarnedValue.Compute(0, [], [], Today);

        var status = RagRules.Evaluate(new ProjectHealthInput(
            ev,
            [],
            Today,
            [new OpenRisk("EHR-R1", Guarded.From("Scanners fail"), 20, true, false)]));

        Assert.Equal(Rag.Red, status.Status);
        Assert.True(status.EnoughData);
    }

    [Theory]
    [InlineData(0, Rag.Green)]
    [InlineData(1, Rag.Amber)]
    [InlineData(13, Rag.Amber)]
    [InlineData(14, Rag.Red)]
    [InlineData(90, Rag.Red)]
    public void A_late_milestone_turns_amber_then_red(int daysLate, Rag expected)
    {
        var status = Evaluate(1m, 1m, new Milestone(Guarded.From("Integrated testing"), Today.AddDays(-daysLate), 1));

        Assert.Equal(expected, status.Status);
    }

    [Fact]
    public void A_done_milestone_is_never_late()
    {
        Assert.Equal(Rag.Green, Evaluate(1m, 1m, new Milestone(Guarded.From("Build"), Today.AddDays(-30), 1, Today.AddDays(-1))).Status);
    }

    [Fact]
    public void The_worst_finding_wins_and_every_reason_is_listed_worst_first()
    {
        var status = Evaluate(0.85m, 0.5m, new Milestone(Guarded.From("Training"), Today.AddDays(-1), 1));

        Assert.Equal(Rag.Red, status.Status);
        Assert.Equal([Rag.Red, Rag.Amber, Rag.Amber], status.Findings.Select(f => f.Status));
        Assert.Equal(
            new RagFinding(Rag.Red, new RagReason.IndexBelow(PerformanceIndex.Cpi, 0.5m, 0.80m), Financial: true),
            status.Findings[0]);
        Assert.Contains(status.Findings, f => f.Reason == new RagReason.MilestoneLate(Guarded.From("Training"), 1));
    }

    [Fact]
    public void Extra_rules_slot_in_beside_the_defaults()
    {
        var ev = EarnedValue.Compute(0, [], [], Today);
        var status = RagRules.Evaluate(new ProjectHealthInput(ev, [], Today), [.. RagRules.Default, new AlwaysRed()]);

        Assert.Equal(Rag.Red, status.Status);
    }

    private sealed class AlwaysRed : IRagRule
    {
        public IEnumerable<RagFinding> Evaluate(ProjectHealthInput input) =>
            [new RagFinding(Rag.Red, new RagReason.RiskOpen("EHR-R1", Guarded.From("Scanners fail"), 20, Critical: true))];
    }
}

public class OpenRiskRagTests
{
    [Theory]
    [InlineData(true, false, Rag.Red)]
    [InlineData(false, true, Rag.Amber)]
    [InlineData(false, false, Rag.Green)]
    public void Open_critical_risks_are_red_and_high_ones_amber(bool critical, bool high, Rag expected)
    {
        var ev = EarnedValue.Compute(0, [], [], ProjectBuilder.Today);

        var status = RagRules.Evaluate(new ProjectHealthInput(
            ev,
            [],
            ProjectBuilder.Today,
            [new OpenRisk("EHR-R1", Guarded.From("Scanners fail"), 20, critical, high)]));

        Assert.Equal(expected, status.Status);
        if (expected != Rag.Green)
        {
            Assert.Equal(
                new RagReason.RiskOpen("EHR-R1", Guarded.From("Scanners fail"), 20, critical),
                Assert.Single(status.Findings).Reason);
        }
    }
}
