using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Storage.Risks;

/// <summary>The stored shape of a risk, with its whole history and its outbox. Version 2 added the outbox; a version 1 document reads as having none.</summary>
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
{
    internal sealed record EventDocument(DateTimeOffset At, string? By, string What, string? Before, string? After);

    internal sealed record NoticeDocument(int Sequence, RiskNoticeKind Kind, string To, string Reason);

    public static RiskDocument From(RiskState s) => new(
        2, s.Id.Project.Value, s.Id.Number, s.Title.Value, s.Description?.Value, s.Category, s.Rating.Probability, s.Rating.Impact, s.Owner?.Value, s.Mitigation?.Value, s.MitigationDue,
        s.Status, s.EscalationLevel, s.EscalatedAt, s.Acknowledged?.By.Value, s.Acknowledged?.At, s.OwnerRemindedAt, s.AcceptedBecause?.Value, s.ChainExhaustionReported,
        [.. s.History.Select(e => new EventDocument(e.At, e.By?.Value, e.What, e.Before, e.After))],
        [.. (s.Outbox ?? []).Select(n => new NoticeDocument(n.Sequence, n.Notice.Kind, n.Notice.To.Value, n.Notice.Reason))],
        s.NoticesEnqueued);

    public RiskState ToState() => new(
        new RiskId(new ProjectCode(Project), Number), GuardedText.Restore(Title), GuardedText.Restore(Description), Category, new RiskRating(Probability, Impact), Owner is null ? null : new PersonId(Owner), GuardedText.Restore(Mitigation), MitigationDue,
        Status, EscalationLevel, EscalatedAt, AcknowledgedBy is null ? null : (new PersonId(AcknowledgedBy), AcknowledgedAt!.Value), OwnerRemindedAt, GuardedText.Restore(AcceptedBecause), ChainExhaustionReported,
        [.. History.Select(e => new RiskEvent(e.At, e.By is null ? null : new PersonId(e.By), e.What, e.Before, e.After))],
        [.. (Outbox ?? []).Select(n => new PendingNotice(n.Sequence, new RiskNotice(n.Kind, new PersonId(n.To), new RiskId(new ProjectCode(Project), Number), n.Reason)))],
        NoticesEnqueued);
}
