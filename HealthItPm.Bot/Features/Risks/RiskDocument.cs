using System.Text.Json.Serialization;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Features.Risks;

/// <summary>
/// The stored shape of a risk, with its whole history (typed events), its outbox and why it was escalated, as data.
/// Version 1.
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
    IReadOnlyList<RiskDocument.NoticeDocument> Outbox,
    int NoticesEnqueued)
    : IStoredDocument<RiskDocument>
{
    public static int CurrentVersion => 1;

    /// <summary>One event of the history: its kind and the values that kind carries.</summary>
    internal sealed record EventDocument(
        DateTimeOffset At,
        string? By,
        RiskEventKind Kind,
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
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Attempts = null)
    {
        public static EventDocument From(RiskEvent e) => new(
            e.At,
            e.By?.Value,
            e.Kind,
            e.Category,
            RatingDocument.From(e.RatingBefore),
            RatingDocument.From(e.RatingAfter),
            e.OwnerBefore?.Value,
            e.OwnerAfter?.Value,
            e.StatusBefore,
            e.StatusAfter,
            e.LevelBefore,
            e.LevelAfter,
            e.Note,
            EscalationDocument.From(e.Escalation),
            e.Due,
            e.Notice,
            e.NoticeTo?.Value,
            e.Attempts);

        public RiskEvent ToEvent() => new(Kind, At, By is null ? null : new PersonId(By))
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
            Escalation = Escalation?.ToReason(),
            Due = Due,
            Notice = Notice,
            NoticeTo = NoticeTo is null ? null : new PersonId(NoticeTo),
            Attempts = Attempts,
        };
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
            EscalationReason.NotAcknowledged n =>
                new(nameof(EscalationReason.NotAcknowledged), Sla: n.Sla, InBusinessHours: n.InBusinessHours),
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

    /// <summary>A queued notice, with the leader it is about (an acknowledgement, an unreachable leader).</summary>
    internal sealed record NoticeDocument(
        int Sequence,
        RiskNoticeKind Kind,
        string To,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Leader = null)
    {
        public RiskNotice ToNotice(RiskId risk) => new(Kind, new PersonId(To), risk, Leader is null ? null : new PersonId(Leader));
    }

    public static RiskDocument From(RiskState s) => new(
        CurrentVersion,
        s.Id.Project.Value,
        s.Id.Number,
        s.Title.Value,
        s.Description?.Value,
        s.Category,
        s.Rating.Probability,
        s.Rating.Impact,
        s.Owner?.Value,
        s.Mitigation?.Value,
        s.MitigationDue,
        s.Status,
        s.EscalationLevel,
        s.EscalatedAt,
        s.Acknowledged?.By.Value,
        s.Acknowledged?.At,
        s.OwnerRemindedAt,
        s.AcceptedBecause?.Value,
        s.ChainExhaustionReported,
        [.. s.History.Select(EventDocument.From)],
        [.. (s.Outbox ?? []).Select(n => new NoticeDocument(n.Sequence, n.Notice.Kind, n.Notice.To.Value, n.Notice.Leader?.Value))],
        s.NoticesEnqueued);

    public RiskState ToState()
    {
        var id = new RiskId(new ProjectCode(Project), Number);
        return new(
            id,
            GuardedText.Restore(Title),
            GuardedText.Restore(Description),
            Category,
            new RiskRating(Probability, Impact),
            Owner is null ? null : new PersonId(Owner),
            GuardedText.Restore(Mitigation),
            MitigationDue,
            Status,
            EscalationLevel,
            EscalatedAt,
            AcknowledgedBy is null ? null : (new PersonId(AcknowledgedBy), AcknowledgedAt!.Value),
            OwnerRemindedAt,
            GuardedText.Restore(AcceptedBecause),
            ChainExhaustionReported,
            [.. History.Select(e => e.ToEvent())],
            [.. Outbox.Select(n => new PendingNotice(n.Sequence, n.ToNotice(id)))],
            NoticesEnqueued);
    }
}
