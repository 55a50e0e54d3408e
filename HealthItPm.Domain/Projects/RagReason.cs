using HealthItPm.Domain.Privacy;

namespace HealthItPm.Domain.Projects;

/// <summary>The performance index a <see cref="RagReason.IndexBelow"/> is about.</summary>
public enum PerformanceIndex
{
    /// <summary>The schedule performance index.</summary>
    Spi,

    /// <summary>The cost performance index.</summary>
    Cpi,
}

/// <summary>
/// Why a RAG rule found a project amber or red: a kind (one record per rule's finding) and the values
/// its sentence names, never a sentence. The bot words it in the reader's language and escapes every
/// name people typed (a risk title, a milestone, a wave). The reasons of a rule another folder adds are declared
/// there (<c>ReadinessReason</c>).
/// </summary>
public abstract record RagReason
{
    private protected RagReason()
    {
    }

    /// <summary>SPI or CPI is below a threshold.</summary>
    public sealed record IndexBelow(PerformanceIndex Index, decimal Value, decimal Threshold) : RagReason;

    /// <summary>A critical (else high) risk is open.</summary>
    public sealed record RiskOpen(string Risk, GuardedText Title, int Score, bool Critical) : RagReason;

    /// <summary>A milestone is not done <paramref name="DaysLate"/> days after its planned date.</summary>
    public sealed record MilestoneLate(GuardedText Milestone, int DaysLate) : RagReason;
}
