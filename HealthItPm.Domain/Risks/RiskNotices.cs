using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Risks;

public enum RiskNoticeKind
{
    Escalation,
    OwnerReminder,
    ChainExhausted,
    UpdateRequested,

    /// <summary>
    /// Tells a PM that a leader's escalation card cannot reach them (no chat with the bot; the leader is <see cref="RiskNotice.Leader"/>).
    /// </summary>
    LeaderUnreachable,

    /// <summary>Tells a PM that a leader acknowledged the escalation (the leader is <see cref="RiskNotice.Leader"/>).</summary>
    Acknowledged,
}

/// <summary>
/// Something the escalation policy (or a leader) decided a person must be told about a risk: the kind
/// says what (the card words it); <paramref name="Leader"/> is the leader a PM is told about, for
/// <see cref="RiskNoticeKind.LeaderUnreachable"/> and <see cref="RiskNoticeKind.Acknowledged"/>.
/// </summary>
public sealed record RiskNotice(RiskNoticeKind Kind, PersonId To, RiskId Risk, PersonId? Leader = null);

/// <summary>
/// A notice in the risk's outbox. It is saved with the step that caused it, so a crash or an outage
/// between deciding and telling loses nothing; the delivery pipeline then takes it over (its
/// sequence number, unique for the risk's life, makes handing it over twice send it once).
/// </summary>
public sealed record PendingNotice(int Sequence, RiskNotice Notice);
