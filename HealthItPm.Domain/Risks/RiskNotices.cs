using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Risks;

public enum RiskNoticeKind
{
    Escalation,
    OwnerReminder,
    ChainExhausted,
    UpdateRequested,

    /// <summary>Tells a PM that a leader's escalation card cannot reach them (no chat with the bot).</summary>
    LeaderUnreachable,
}

/// <summary>Something the escalation policy (or a leader) decided a person must be told about a risk.</summary>
public sealed record RiskNotice(RiskNoticeKind Kind, PersonId To, RiskId Risk, string Reason);

/// <summary>
/// A notice waiting in the risk's outbox. It is saved with the step that caused it, so a crash or an
/// outage between deciding and telling loses nothing; a host claims it (with the risk's ETag) for
/// <see cref="NoticeDelivery.ClaimLease"/> before sending, so several hosts send it once.
/// </summary>
public sealed record PendingNotice(int Sequence, RiskNotice Notice, int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? ClaimedUntil)
{
    public bool IsDue(DateTimeOffset now) => NextAttemptAt <= now && (ClaimedUntil is null || ClaimedUntil <= now);
}

/// <summary>How a notice's delivery went, as the sender reports it.</summary>
public abstract record NoticeDelivery
{
    /// <summary>How long a claim keeps other hosts off a notice: longer than one send with its retries takes.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    /// <summary>Tries before a notice is given up (and the give-up recorded): about four hours of backoff.</summary>
    public const int MaxAttempts = 8;

    public sealed record Delivered : NoticeDelivery;

    /// <summary>
    /// Teams did not take it (throttled or failing), or, when <paramref name="Unreachable"/>, the person
    /// has no chat with the bot (never installed it, or removed it); try later either way.
    /// </summary>
    public sealed record Failed(TimeSpan? RetryAfter, bool Unreachable = false) : NoticeDelivery;

    /// <summary>Wait before try <paramref name="attempt"/> + 1: one minute, doubling, at most an hour.</summary>
    public static TimeSpan Backoff(int attempt) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, attempt - 1)));
}
