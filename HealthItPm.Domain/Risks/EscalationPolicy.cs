using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Domain.Risks;

/// <summary>What the escalation policy says to do about a risk now.</summary>
public abstract record EscalationStep
{
    public sealed record Wait : EscalationStep;

    /// <summary>Send the risk to <paramref name="To"/>, level <paramref name="Level"/> of the chain.</summary>
    public sealed record Escalate(int Level, PersonId To, EscalationReason Reason) : EscalationStep;

    /// <summary>Remind the owner that the mitigation is past due (once).</summary>
    public sealed record RemindOwner(PersonId Owner) : EscalationStep;

    /// <summary>Nobody in the chain acknowledged: tell the PMs (once).</summary>
    public sealed record ChainExhausted : EscalationStep;
}

/// <summary>
/// A project's escalation policy, with safe defaults:
/// <list type="bullet">
/// <item>a critical risk (score 15+), or a patient-safety or privacy/regulatory risk with impact 4 or
/// more, goes at once to level 1 of the chain (the sponsor);</item>
/// <item>an escalation not acknowledged within <see cref="AcknowledgementSla"/> (default 4 hours)
/// goes to the next level (e.g. the CIO); when the chain is exhausted the PMs are told, once;</item>
/// <item>a mitigation past its due date reminds the owner once, and if still open one SLA later, escalates.</item>
/// </list>
/// With <see cref="BusinessHoursIn"/>, the SLA counts only <see cref="BusinessHours"/> in that time
/// zone — except for patient-safety risks, whose clock always runs: patients are there at night too.
/// </summary>
public sealed record EscalationPolicy(IReadOnlyList<PersonId> Chain, TimeSpan AcknowledgementSla, TimeZoneInfo? BusinessHoursIn = null)
{
    /// <summary>The project's own policy: its chain, its SLA, and business hours if it chose them.</summary>
    public static EscalationPolicy Of(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return new(
            project.EscalationChain,
            project.AcknowledgementSla,
            project.SlaInBusinessHours ? TimeZoneInfo.FindSystemTimeZoneById(project.TimeZone) : null);
    }

    /// <summary>How much SLA time has passed for <paramref name="risk"/> between the two instants.</summary>
    public TimeSpan Elapsed(Risk risk, DateTimeOffset since, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return InBusinessHours(risk) ? BusinessHours.Between(since, now, BusinessHoursIn!) : now - since;
    }

    private bool InBusinessHours(Risk risk) => BusinessHoursIn is not null && risk.Category != RiskCategory.PatientSafety;

    public static bool NeedsImmediateEscalation(RiskCategory category, RiskRating rating) =>
        rating.Band == RiskBand.Critical
        || (category is RiskCategory.PatientSafety or RiskCategory.PrivacyRegulatory && rating.Impact >= 4);

    public EscalationStep Next(Risk risk, DateTimeOffset now, DateOnly today, bool chainExhaustionReported)
    {
        ArgumentNullException.ThrowIfNull(risk);
        if (risk.Status is RiskStatus.Accepted or RiskStatus.Closed || Chain.Count == 0)
        {
            return new EscalationStep.Wait();
        }

        if (risk.Status == RiskStatus.Escalated)
        {
            if (risk.Acknowledged is not null || Elapsed(risk, risk.EscalatedAt!.Value, now) < AcknowledgementSla)
            {
                return new EscalationStep.Wait();
            }

            return risk.EscalationLevel < Chain.Count
                ? new EscalationStep.Escalate(
                    risk.EscalationLevel + 1,
                    Chain[risk.EscalationLevel],
                    new EscalationReason.NotAcknowledged(AcknowledgementSla, InBusinessHours(risk)))
                : chainExhaustionReported ? new EscalationStep.Wait() : new EscalationStep.ChainExhausted();
        }

        if (NeedsImmediateEscalation(risk.Category, risk.Rating))
        {
            return new EscalationStep.Escalate(
                1,
                Chain[0],
                risk.Rating.Band == RiskBand.Critical
                    ? new EscalationReason.CriticalRisk()
                    : new EscalationReason.SevereImpact(risk.Category, risk.Rating.Impact));
        }

        if (risk.MitigationDue is { } due && due < today && risk.Owner is { } owner)
        {
            if (risk.OwnerRemindedAt is null)
            {
                return new EscalationStep.RemindOwner(owner);
            }

            if (Elapsed(risk, risk.OwnerRemindedAt.Value, now) >= AcknowledgementSla)
            {
                return new EscalationStep.Escalate(1, Chain[0], new EscalationReason.MitigationPastDue(due));
            }
        }

        return new EscalationStep.Wait();
    }
}
