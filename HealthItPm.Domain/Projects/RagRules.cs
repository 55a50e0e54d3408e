namespace HealthItPm.Domain.Projects;

/// <summary>An open risk as the RAG rules see it.</summary>
public sealed record OpenRisk(string Id, Privacy.GuardedText Title, int Score, bool Critical, bool High);

/// <summary>What the RAG rules look at: facts about a project on a day, with its open risks and go-live date when known.</summary>
public sealed record ProjectHealthInput(
    EarnedValue EarnedValue,
    IReadOnlyList<Milestone> Milestones,
    DateOnly Today,
    IReadOnlyList<OpenRisk>? OpenRisks = null,
    DateOnly? GoLive = null);

/// <summary>A rule that may find reasons a project is amber or red (other folders add theirs: readiness is Readiness's).</summary>
public interface IRagRule
{
    IEnumerable<RagFinding> Evaluate(ProjectHealthInput input);
}

/// <summary>
/// The documented RAG rules. Each rule is small and independent; the overall status is the worst
/// finding. Thresholds:
/// <list type="bullet">
/// <item>SPI or CPI below 0.90 is amber, below 0.80 red (undefined indices find nothing);</item>
/// <item>a milestone not done 1–13 days after its planned date is amber, 14 days or more red;</item>
/// <item>an open critical risk (score 15+) is red, an open high risk (10–14) amber.</item>
/// </list>
/// Readiness adds its rule where the latest closed ADKAR wave is known (<c>ReadinessRule</c>).
/// A project with no finding and neither SPI nor CPI computable yet has not enough data: it is not
/// called green before anything could be measured.
/// </summary>
public static class RagRules
{
    public const decimal AmberBelow = 0.90m;
    public const decimal RedBelow = 0.80m;
    public const int RedAfterDaysLate = 14;

    public static IReadOnlyList<IRagRule> Default { get; } =
    [
        new IndexRule(PerformanceIndex.Spi, ev => ev.Spi, financial: false),
        new IndexRule(PerformanceIndex.Cpi, ev => ev.Cpi, financial: true),
        new LateMilestoneRule(),
        new OpenRiskRule(),
    ];

    public static RagStatus Evaluate(ProjectHealthInput input, IEnumerable<IRagRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        return RagStatus.From(
            (rules ?? Default).SelectMany(rule => rule.Evaluate(input)),
            input.EarnedValue.Spi.IsDefined || input.EarnedValue.Cpi.IsDefined);
    }

    private sealed class IndexRule(PerformanceIndex which, Func<EarnedValue, Ratio> index, bool financial) : IRagRule
    {
        public IEnumerable<RagFinding> Evaluate(ProjectHealthInput input)
        {
            if (index(input.EarnedValue).Value is not { } value || value >= AmberBelow)
            {
                yield break;
            }

            var (status, threshold) = value < RedBelow ? (Rag.Red, RedBelow) : (Rag.Amber, AmberBelow);
            yield return new RagFinding(status, new RagReason.IndexBelow(which, value, threshold), financial);
        }
    }

    private sealed class OpenRiskRule : IRagRule
    {
        public IEnumerable<RagFinding> Evaluate(ProjectHealthInput input) => (input.OpenRisks ?? [])
            .Where(r => r.Critical || r.High)
            .Select(r => new RagFinding(r.Critical ? Rag.Red : Rag.Amber, new RagReason.RiskOpen(r.Id, r.Title, r.Score, r.Critical)));
    }

    private sealed class LateMilestoneRule : IRagRule
    {
        public IEnumerable<RagFinding> Evaluate(ProjectHealthInput input) => input.Milestones
            .Select(m => (Milestone: m, DaysLate: m.DaysLate(input.Today)))
            .Where(x => x.DaysLate > 0)
            .Select(x => new RagFinding(
                x.DaysLate >= RedAfterDaysLate ? Rag.Red : Rag.Amber,
                new RagReason.MilestoneLate(x.Milestone.Name, x.DaysLate)));
    }
}
