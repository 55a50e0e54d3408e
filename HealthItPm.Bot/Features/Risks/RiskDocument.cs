using System.Text.Json.Serialization;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Features.Risks;

/// <summary>
/// The stored shape of a risk, with its whole history and its outbox. Version 2 added the outbox; a
/// version 1 document reads as having none. Version 3 stores typed events; the text events of versions
/// 1 and 2 (<c>What</c>, <c>Before</c>, <c>After</c>) are converted when read (<see cref="LegacyRiskEvents"/>).
/// Version 4 stores why a risk was escalated as data (<c>Escalation</c>) and the leader a notice is about
/// (<c>Leader</c>); the sentences of earlier versions (an escalation's <c>Note</c>, a notice's <c>Reason</c>)
/// are read back into them.
/// </summary>
internal sealed record RiskDocument(
    int SchemaVersion,
    string Project,
    int Number,
    string Title,
    string? Description,
    RiskCategory Category,
    int Probability,
    int Impact,
    string? Owner,
    string? Mitigation,
    DateOnly? MitigationDue,
    RiskStatus Status,
    int EscalationLevel,
    DateTimeOffset? EscalatedAt,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? OwnerRemindedAt,
    string? AcceptedBecause,
    bool ChainExhaustionReported,
    IReadOnlyList<RiskDocument.EventDocument> History,
    IReadOnlyList<RiskDocument.NoticeDocument>? Outbox = null,
    int NoticesEnqueued = 0)
    : IStoredDocument<RiskDocument>
{
    public static int CurrentVersion => 4;

    /// <summary>A typed event (version 3), or a text one written by versions 1 and 2 (only <c>What</c>, <c>Before</c>, <c>After</c>).</summary>
    internal sealed record EventDocument(
        DateTimeOffset At,
        string? By,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RiskEventKind? Kind = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RiskCategory? Category = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RatingDocument? RatingBefore = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RatingDocument? RatingAfter = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OwnerBefore = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OwnerAfter = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RiskStatus? StatusBefore = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RiskStatus? StatusAfter = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? LevelBefore = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? LevelAfter = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] EscalationDocument? Escalation = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? Due = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RiskNoticeKind? Notice = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NoticeTo = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Attempts = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? What = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Before = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? After = null)
    {
        public static EventDocument From(RiskEvent e) => new(
            e.At, e.By?.Value, e.Kind, e.Category, RatingDocument.From(e.RatingBefore), RatingDocument.From(e.RatingAfter), e.OwnerBefore?.Value, e.OwnerAfter?.Value,
            e.StatusBefore, e.StatusAfter, e.LevelBefore, e.LevelAfter, e.Note, EscalationDocument.From(e.Escalation), e.Due, e.Notice, e.NoticeTo?.Value, e.Attempts);

        public RiskEvent ToEvent()
        {
            var by = By is null ? (PersonId?)null : new PersonId(By);
            if (Kind is not { } kind)
            {
                return LegacyRiskEvents.Read(At, by, What ?? string.Empty, Before, After);
            }

            var typed = new RiskEvent(kind, At, by)
                {
                    Category = Category,
                    RatingBefore = RatingBefore?.ToRating(),
                    RatingAfter = RatingAfter?.ToRating(),
                    OwnerBefore = OwnerBefore is null ? null : new PersonId(OwnerBefore),
                    OwnerAfter = OwnerAfter is null ? null : new PersonId(OwnerAfter),
                    StatusBefore = StatusBefore,
                    StatusAfter = StatusAfter,
                    LevelBefore = LevelBefore,
                    LevelAfter = LevelAfter,
                    Note = Note,
                    Due = Due,
                    Notice = Notice,
                    NoticeTo = NoticeTo is null ? null : new PersonId(NoticeTo),
                    Attempts = Attempts,
                };
            return Escalation is { } why ? typed with { Escalation = why.ToReason() }
                : kind == RiskEventKind.Escalated ? LegacyRiskEvents.WithEscalation(typed, Note)
                : typed;
        }
    }

    /// <summary>Why a risk was escalated: the reason's kind by name and the values it carries.</summary>
    internal sealed record EscalationDocument(
        string Cause,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RiskCategory? Category = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Impact = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TimeSpan? Sla = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? InBusinessHours = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? Due = null)
    {
        public static EscalationDocument? From(EscalationReason? reason) => reason switch
        {
            null => null,
            EscalationReason.CriticalRisk => new(nameof(EscalationReason.CriticalRisk)),
            EscalationReason.SevereImpact s => new(nameof(EscalationReason.SevereImpact), Category: s.Category, Impact: s.Impact),
            EscalationReason.NotAcknowledged n => new(nameof(EscalationReason.NotAcknowledged), Sla: n.Sla, InBusinessHours: n.InBusinessHours),
            EscalationReason.MitigationPastDue d => new(nameof(EscalationReason.MitigationPastDue), Due: d.Due),
            _ => throw new ArgumentOutOfRangeException(nameof(reason), reason.GetType().Name, "An escalation reason with no stored shape."),
        };

        public EscalationReason ToReason() => Cause switch
        {
            nameof(EscalationReason.CriticalRisk) => new EscalationReason.CriticalRisk(),
            nameof(EscalationReason.SevereImpact) => new EscalationReason.SevereImpact(Category!.Value, Impact!.Value),
            nameof(EscalationReason.NotAcknowledged) => new EscalationReason.NotAcknowledged(Sla!.Value, InBusinessHours ?? false),
            nameof(EscalationReason.MitigationPastDue) => new EscalationReason.MitigationPastDue(Due!.Value),
            _ => throw new InvalidOperationException($"A stored escalation reason of an unknown kind ({Cause})."),
        };
    }

    internal sealed record RatingDocument(int Probability, int Impact)
    {
        public static RatingDocument? From(RiskRating? rating) => rating is { } r ? new(r.Probability, r.Impact) : null;

        public RiskRating ToRating() => new(Probability, Impact);
    }

    /// <summary>A queued notice; <c>Reason</c> is the text versions 2 and 3 stored instead of <c>Leader</c>.</summary>
    internal sealed record NoticeDocument(
        int Sequence,
        RiskNoticeKind Kind,
        string To,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Leader = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null);

    public static RiskDocument From(RiskState s) => new(
        CurrentVersion, s.Id.Project.Value, s.Id.Number, s.Title.Value, s.Description?.Value, s.Category, s.Rating.Probability, s.Rating.Impact, s.Owner?.Value, s.Mitigation?.Value, s.MitigationDue,
        s.Status, s.EscalationLevel, s.EscalatedAt, s.Acknowledged?.By.Value, s.Acknowledged?.At, s.OwnerRemindedAt, s.AcceptedBecause?.Value, s.ChainExhaustionReported,
        [.. s.History.Select(EventDocument.From)],
        [.. (s.Outbox ?? []).Select(n => new NoticeDocument(n.Sequence, n.Notice.Kind, n.Notice.To.Value, n.Notice.Leader?.Value))],
        s.NoticesEnqueued);

    public RiskState ToState() => new(
        new RiskId(new ProjectCode(Project), Number), GuardedText.Restore(Title), GuardedText.Restore(Description), Category, new RiskRating(Probability, Impact), Owner is null ? null : new PersonId(Owner), GuardedText.Restore(Mitigation), MitigationDue,
        Status, EscalationLevel, EscalatedAt, AcknowledgedBy is null ? null : (new PersonId(AcknowledgedBy), AcknowledgedAt!.Value), OwnerRemindedAt, GuardedText.Restore(AcceptedBecause), ChainExhaustionReported,
        [.. History.Select(e => e.ToEvent())],
        [.. (Outbox ?? []).Select(n => new PendingNotice(n.Sequence, new RiskNotice(n.Kind, new PersonId(n.To), new RiskId(new ProjectCode(Project), Number), LegacyRiskEvents.Leader(n.Kind, n.Leader, n.Reason))))],
        NoticesEnqueued);
}
