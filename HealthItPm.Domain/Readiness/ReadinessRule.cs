using HealthItPm.Domain.Projects;

namespace HealthItPm.Domain.Readiness;

/// <summary>Why the readiness rule found a project amber or red, as data the bot words (see <see cref="RagReason"/>).</summary>
public abstract record ReadinessReason : RagReason
{
    private ReadinessReason()
    {
    }

    /// <summary>
    /// A share of a wave's respondents stop at Awareness or Desire, <paramref name="DaysToGoLive"/> from go-live (negative after it).
    /// </summary>
    public sealed record StuckAtAwarenessOrDesire(decimal Share, string Wave, int DaysToGoLive) : ReadinessReason;

    /// <summary>
    /// A wave's dominant barrier is <paramref name="Barrier"/> (Knowledge or Ability), <paramref name="DaysToGoLive"/> from go-live.
    /// </summary>
    public sealed record DominantBarrier(AdkarElement Barrier, string Wave, int DaysToGoLive) : ReadinessReason;
}

/// <summary>
/// Readiness in a project's RAG status, from its latest closed ADKAR wave: within 14 days of go-live (or after
/// it) a dominant barrier at Knowledge or Ability is amber; within 30 days, more than 30 % of respondents
/// stopping at Awareness or Desire is red.
/// </summary>
public sealed class ReadinessRule(ReadinessSnapshot readiness) : IRagRule
{
    public const int KnowledgeOrAbilityAmberDays = 14;
    public const int AwarenessOrDesireRedDays = 30;
    public const decimal AwarenessOrDesireRedAbove = 0.30m;

    public IEnumerable<RagFinding> Evaluate(ProjectHealthInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.GoLive is not { } goLive)
        {
            yield break;
        }

        var days = goLive.DayNumber - input.Today.DayNumber;
        if (days <= AwarenessOrDesireRedDays && readiness.AwarenessOrDesireShare > AwarenessOrDesireRedAbove)
        {
            yield return new RagFinding(
                Rag.Red,
                new ReadinessReason.StuckAtAwarenessOrDesire(readiness.AwarenessOrDesireShare, readiness.Wave, days));
        }

        if (days <= KnowledgeOrAbilityAmberDays && readiness.DominantBarrier is AdkarElement.Knowledge or AdkarElement.Ability)
        {
            yield return new RagFinding(
                Rag.Amber,
                new ReadinessReason.DominantBarrier(readiness.DominantBarrier.Value, readiness.Wave, days));
        }
    }
}

/// <summary>A project's health with its readiness.</summary>
public static class ReadinessHealth
{
    /// <summary>The project's RAG status with the readiness rule on its latest closed wave (none: the default rules alone).</summary>
    public static RagStatus Health(this Project project, DateOnly today, IReadOnlyList<OpenRisk>? openRisks, ReadinessSnapshot? readiness)
    {
        ArgumentNullException.ThrowIfNull(project);
        return project.Health(today, openRisks, readiness is null ? null : [new ReadinessRule(readiness)]);
    }
}
