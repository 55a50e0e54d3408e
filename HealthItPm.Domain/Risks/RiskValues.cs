using System.Globalization;
using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Risks;

public enum RiskCategory
{
    PatientSafety,
    PrivacyRegulatory,
    Schedule,
    Budget,
    TechnicalIntegration,
    Vendor,
    Adoption,
}

public enum RiskBand
{
    Low,
    Medium,
    High,
    Critical,
}

public enum RiskStatus
{
    Open,
    Mitigating,
    Escalated,
    Accepted,
    Closed,
}

/// <summary>
/// Probability and impact, each 1 (rare, negligible) to 5 (almost certain, severe). Score = P × I;
/// bands: low 1–4, medium 5–9, high 10–14, critical 15–25.
/// </summary>
public readonly record struct RiskRating
{
    public RiskRating(int probability, int impact)
    {
        if (probability is < 1 or > 5 || impact is < 1 or > 5)
        {
            throw new DomainException(Problem.RatingOutOfRange());
        }

        Probability = probability;
        Impact = impact;
    }

    public int Probability { get; }

    public int Impact { get; }

    public int Score => Probability * Impact;

    public RiskBand Band => Score switch
    {
        >= 15 => RiskBand.Critical,
        >= 10 => RiskBand.High,
        >= 5 => RiskBand.Medium,
        _ => RiskBand.Low,
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"P{Probability}×I{Impact} = {Score} ({Band})");
}

/// <summary>What happened to a risk: the kind of an entry in its history.</summary>
public enum RiskEventKind
{
    /// <summary>Logged, with its category and first rating.</summary>
    Logged,

    /// <summary>Re-rated: <see cref="RiskEvent.RatingBefore"/> → <see cref="RiskEvent.RatingAfter"/>.</summary>
    Rated,

    /// <summary>A new owner: <see cref="RiskEvent.OwnerBefore"/> → <see cref="RiskEvent.OwnerAfter"/>.</summary>
    OwnerAssigned,

    /// <summary>A mitigation planned (its text in <see cref="RiskEvent.Note"/>, due <see cref="RiskEvent.Due"/>).</summary>
    MitigationPlanned,

    /// <summary>
    /// <see cref="RiskEvent.StatusBefore"/> → <see cref="RiskEvent.StatusAfter"/> (accepting keeps the reason in <see
    /// cref="RiskEvent.Note"/>).
    /// </summary>
    StatusChanged,

    /// <summary>
    /// Sent up the chain: <see cref="RiskEvent.LevelBefore"/> → <see cref="RiskEvent.LevelAfter"/>, why in <see
    /// cref="RiskEvent.Escalation"/>.
    /// </summary>
    Escalated,

    UpdateRequested,

    Acknowledged,

    /// <summary>The owner was reminded that the mitigation due <see cref="RiskEvent.Due"/> is past.</summary>
    OwnerReminded,

    /// <summary>Nobody in the chain acknowledged; the PMs were told.</summary>
    ChainExhausted,

    /// <summary>A notice (<see cref="RiskEvent.Notice"/>) reached <see cref="RiskEvent.NoticeTo"/>.</summary>
    Notified,

    /// <summary>A notice could not reach <see cref="RiskEvent.NoticeTo"/>: no chat with the bot.</summary>
    NotReachable,

    /// <summary>A notice to <see cref="RiskEvent.NoticeTo"/> was given up after <see cref="RiskEvent.Attempts"/> tries.</summary>
    NoticeNotDelivered,
}

/// <summary>
/// One change to a risk (the audit trail): its kind, who made it (null for the escalation policy and
/// the delivery pipeline), when, and the typed values before and after that the kind carries. People
/// are kept by id: whoever shows an event puts the names the project knows them by.
/// </summary>
public sealed record RiskEvent(RiskEventKind Kind, DateTimeOffset At, PersonId? By)
{
    public RiskCategory? Category { get; init; }

    public RiskRating? RatingBefore { get; init; }

    public RiskRating? RatingAfter { get; init; }

    public PersonId? OwnerBefore { get; init; }

    public PersonId? OwnerAfter { get; init; }

    public RiskStatus? StatusBefore { get; init; }

    public RiskStatus? StatusAfter { get; init; }

    public int? LevelBefore { get; init; }

    public int? LevelAfter { get; init; }

    /// <summary>The words that go with the change: a mitigation, why it was accepted.</summary>
    public string? Note { get; init; }

    /// <summary>Why the policy escalated the risk.</summary>
    public EscalationReason? Escalation { get; init; }

    public DateOnly? Due { get; init; }

    public RiskNoticeKind? Notice { get; init; }

    public PersonId? NoticeTo { get; init; }

    public int? Attempts { get; init; }
}
