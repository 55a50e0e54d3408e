namespace HealthItPm.Domain.Risks;

/// <summary>
/// Why the escalation policy sent a risk up the chain: a kind and the values its sentence names, never a
/// sentence. It is kept in the risk's history (<see cref="RiskEvent.Escalation"/>) and worded by the bot
/// in the reader's language.
/// </summary>
public abstract record EscalationReason
{
    private EscalationReason()
    {
    }

    /// <summary>The risk is critical (score 15+).</summary>
    public sealed record CriticalRisk : EscalationReason;

    /// <summary>A patient-safety or privacy/regulatory risk with impact 4 or more.</summary>
    public sealed record SevereImpact(RiskCategory Category, int Impact) : EscalationReason;

    /// <summary>Nobody at the level before acknowledged within the SLA, counted in business hours or not.</summary>
    public sealed record NotAcknowledged(TimeSpan Sla, bool InBusinessHours) : EscalationReason;

    /// <summary>The mitigation was due on <paramref name="Due"/> and is still open one SLA after the owner was reminded.</summary>
    public sealed record MitigationPastDue(DateOnly Due) : EscalationReason;
}
