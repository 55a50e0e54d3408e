using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Storage.Risks;

/// <summary>The stored shape of a risk, with its whole history. Version 1.</summary>
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
    IReadOnlyList<RiskDocument.EventDocument> History)
{
    internal sealed record EventDocument(DateTimeOffset At, string? By, string What, string? Before, string? After);

    public static RiskDocument From(RiskState s) => new(
        1, s.Id.Project.Value, s.Id.Number, s.Title, s.Description, s.Category, s.Rating.Probability, s.Rating.Impact, s.Owner?.Value, s.Mitigation, s.MitigationDue,
        s.Status, s.EscalationLevel, s.EscalatedAt, s.Acknowledged?.By.Value, s.Acknowledged?.At, s.OwnerRemindedAt, s.AcceptedBecause, s.ChainExhaustionReported,
        [.. s.History.Select(e => new EventDocument(e.At, e.By?.Value, e.What, e.Before, e.After))]);

    public RiskState ToState() => new(
        new RiskId(new ProjectCode(Project), Number), Title, Description, Category, new RiskRating(Probability, Impact), Owner is null ? null : new PersonId(Owner), Mitigation, MitigationDue,
        Status, EscalationLevel, EscalatedAt, AcknowledgedBy is null ? null : (new PersonId(AcknowledgedBy), AcknowledgedAt!.Value), OwnerRemindedAt, AcceptedBecause, ChainExhaustionReported,
        [.. History.Select(e => new RiskEvent(e.At, e.By is null ? null : new PersonId(e.By), e.What, e.Before, e.After))]);
}
