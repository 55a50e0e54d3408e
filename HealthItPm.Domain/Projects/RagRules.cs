using HealthItPm.Domain.Readiness;

namespace HealthItPm.Domain.Projects;

/// <summary>An open risk as the RAG rules see it.</summary>
public sealed record OpenRisk(string Id, Privacy.GuardedText Title, int Score, bool Critical, bool High);

/// <summary>What the RAG rules look at: facts about a project on a day, with its readiness (latest closed wave) and go-live date when known.</summary>
public sealed record ProjectHealthInput(EarnedValue EarnedValue, IReadOnlyList<Milestone> Milestones, DateOnly Today, IReadOnlyList<OpenRisk>? OpenRisks = null, ReadinessSnapshot? Readiness = null, DateOnly? GoLive = null);

/// <summary>A rule that may find reasons a project is amber or red.</summary>
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
/// <item>an open critical risk (score 15+) is red, an open high risk (10–14) amber;</item>
/// <item>readiness, from the latest closed ADKAR wave: within 14 days of go-live (or after it) a
/// dominant barrier at Knowledge or Ability is amber; within 30 days, more than 30 % of respondents
/// stopping at Awareness or Desire is red.</item>
/// </list>
/// A project with no finding and neither SPI nor CPI computable yet has not enough data: it is not
/// called green before anything could be measured.
/// </summary>
public static class RagRules
{
    public const decimal AmberBelow = 0.90m;
    public const decimal RedBelow = 0.80m;
    public const int RedAfterDaysLate = 14;
    public const int KnowledgeOrAbilityAmberDays = 14;
    public const int AwarenessOrDesireRedDays = 30;
    public const decimal AwarenessOrDesireRedAbove = 0.30m;

    public static IReadOnlyList<IRagRule> Default { get; } =
    [
        new IndexRule(PerformanceIndex.Spi, ev => ev.Spi, financial: false),
        new IndexRule(PerformanceIndex.Cpi, ev => ev.Cpi, financial: true),
        new LateMilestoneRule(),
        new OpenRiskRule(),
        new ReadinessRule(),
    ];

    public static RagStatus Evaluate(ProjectHealthInput input, IEnumerable<IRagRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        return RagStatus.From((rules ?? Default).SelectMany(rule => rule.Evaluate(input)), input.EarnedValue.Spi.IsDefined || input.EarnedValue.Cpi.IsDefined);
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

    private sealed class ReadinessRule : IRagRule
    {
        public IEnumerable<RagFinding> Evaluate(ProjectHealthInput input)
        {
            if (input.Readiness is not { } readiness || input.GoLive is not { } goLive)
            {
                yield break;
            }

            var days = goLive.DayNumber - input.Today.DayNumber;
            if (days <= AwarenessOrDesireRedDays && readiness.AwarenessOrDesireShare > AwarenessOrDesireRedAbove)
            {
                yield return new RagFinding(Rag.Red, new RagReason.StuckAtAwarenessOrDesire(readiness.AwarenessOrDesireShare, readiness.Wave, days));
            }

            if (days <= KnowledgeOrAbilityAmberDays && readiness.DominantBarrier is AdkarElement.Knowledge or AdkarElement.Ability)
            {
                yield return new RagFinding(Rag.Amber, new RagReason.DominantBarrier(readiness.DominantBarrier.Value, readiness.Wave, days));
            }
        }
    }

    private sealed class LateMilestoneRule : IRagRule
    {
        public IEnumerable<RagFinding> Evaluate(ProjectHealthInput input) => input.Milestones
            .Select(m => (Milestone: m, DaysLate: m.DaysLate(input.Today)))
            .Where(x => x.DaysLate > 0)
            .Select(x => new RagFinding(x.DaysLate >= RedAfterDaysLate ? Rag.Red : Rag.Amber, new RagReason.MilestoneLate(x.Milestone.Name, x.DaysLate)));
    }
}
