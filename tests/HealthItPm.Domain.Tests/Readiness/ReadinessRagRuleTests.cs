using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;

namespace HealthItPm.Domain.Tests.Readiness;

/// <summary>
/// Readiness in the RAG: a Knowledge or Ability barrier close to go-live is amber; many stuck at Awareness or Desire closer still is red.
/// </summary>
public class ReadinessRagRuleTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static RagStatus Health(ReadinessSnapshot? readiness, int daysToGoLive) =>
        RagRules.Evaluate(
            new ProjectHealthInput(EarnedValue.Compute(0, [], [], Today), [], Today, null, Today.AddDays(daysToGoLive)),
            readiness is null ? null : [.. RagRules.Default, new ReadinessRule(readiness)]);

    private static ReadinessSnapshot Snapshot(AdkarElement? dominant, decimal awarenessOrDesire = 0) =>
        new("pre go-live", new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), 40, 0.5m, dominant, awarenessOrDesire);

    [Theory]
    [InlineData(AdkarElement.Knowledge, 14, Rag.Amber)]
    [InlineData(AdkarElement.Ability, 0, Rag.Amber)]
    [InlineData(AdkarElement.Ability, -3, Rag.Amber)]
    [InlineData(AdkarElement.Knowledge, 15, null)]
    [InlineData(AdkarElement.Reinforcement, 5, null)]
    [InlineData(AdkarElement.Awareness, 5, null)]
    public void A_knowledge_or_ability_barrier_within_14_days_of_go_live_is_amber(AdkarElement dominant, int days, Rag? expected)
    {
        var findings = Health(Snapshot(dominant), days).Findings;

        Assert.Equal(expected, findings.SingleOrDefault()?.Status);
        if (expected is not null)
        {
            Assert.Equal(new ReadinessReason.DominantBarrier(dominant, "pre go-live", days), findings.Single().Reason);
        }
    }

    [Theory]
    [InlineData(0.31, 30, Rag.Red)]
    [InlineData(0.50, 1, Rag.Red)]
    [InlineData(0.30, 30, null)]
    [InlineData(0.31, 31, null)]
    public void More_than_30_percent_stuck_at_awareness_or_desire_within_30_days_is_red(double share, int days, Rag? expected)
    {
        var findings = Health(Snapshot(AdkarElement.Awareness, (decimal)share), days).Findings;

        Assert.Equal(expected, findings.SingleOrDefault()?.Status);
    }

    [Fact]
    public void Both_can_hold_and_the_status_is_the_worst()
    {
        var health = Health(Snapshot(AdkarElement.Knowledge, 0.35m), 10);

        Assert.Equal([Rag.Red, Rag.Amber], health.Findings.Select(f => f.Status));
        Assert.Equal(new ReadinessReason.StuckAtAwarenessOrDesire(0.35m, "pre go-live", 10), health.Findings[0].Reason);
    }

    [Fact]
    public void Without_a_closed_wave_readiness_finds_nothing() => Assert.Empty(Health(null, 3).Findings);

    [Fact]
    public void The_snapshot_reads_a_waves_results()
    {
        var people = Enumerable.Range(1, 5).Select(i => AdkarWaves.Person(i)).ToList();
        var results = AdkarWaves.Results(AdkarWaves.Wave(people), people, ["25555", "42555", "44344", "55555", "55555"]);

        var snapshot = ReadinessSnapshot.Of(results);

        Assert.Equal(
            ("pre go-live", 5, 0.4m, AdkarElement.Awareness, 0.4m),
            (snapshot.Wave, snapshot.Respondents, snapshot.WithoutBarrierShare, snapshot.DominantBarrier, snapshot.AwarenessOrDesireShare));
    }
}
